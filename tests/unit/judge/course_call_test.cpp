// The course's functions called for the book's figures, with a fake compiler
// and process runner: the reference solution answers, the learner's file
// answers when it can, and the grader computes what no exercise does.
#include "judge/course_call.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <numbers>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/fake_toolchain.hpp"

namespace mathlings {
namespace {

using protocol::Call;
using protocol::Outcome;
using testing::answering;

const std::filesystem::path example_course =
    std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";

/// Every norm the course has, as the sum of the entries of its argument.
Outcome sum_of_entries(const Call& call) {
  double sum = 0;
  for (double v : call.args.at(0).as<std::vector<double>>()) sum += v;
  return {Value(sum)};
}

class CourseCalls : public ::testing::Test {
 protected:
  std::unique_ptr<Course> course = load_course(example_course);
  const Exercise& norms = course->find("01-vector-norms/norms");
  std::string reference_source = read_file(course->solutions_dir() / norms.relative_file());
  std::string stub_source = read_file(course->exercises_dir() / norms.relative_file());
  testing::FakeToolchain fake;
  Grader grader{*course, fake, 1, true};
};

TEST_F(CourseCalls, TheReferenceSolutionAnswersEveryCallInOneRun) {
  fake.builds(reference_source, answering(sum_of_entries));
  std::vector<std::string> observed;
  const auto call =
      reference_caller(*course, grader,
                       [&](const Exercise& exercise, const TestSpec& test, const std::string& request,
                           const std::vector<Outcome>& outcomes) {
                         observed.push_back(exercise.id + " " + test.name + " " + std::to_string(outcomes.size()));
                         EXPECT_EQ(request, fake.runs().back().request);
                       });
  const auto values = call("l2_norm", {List{Value(std::vector<double>{1, 2})}, List{Value(std::vector<double>{3})}});
  EXPECT_EQ(values, (std::vector<Value>{Value(3.0), Value(3.0)}));
  EXPECT_EQ(observed, std::vector<std::string>{"01-vector-norms/norms figure 2"});
  ASSERT_EQ(fake.runs().size(), 1u);
  EXPECT_FALSE(fake.runs()[0].sandboxed);
}

TEST_F(CourseCalls, WhatNoExerciseComputesTheGraderDoesAndAnUnknownFunctionIsACourseError) {
  const auto call = reference_caller(*course, grader);
  const auto pdf = call("builtin:students_t_pdf", {List{Value(0.0), Value(1.0)}});
  ASSERT_EQ(pdf.size(), 1u);
  EXPECT_NEAR(pdf[0].as<double>(), 1 / std::numbers::pi, 1e-12);  // the Cauchy density at 0
  EXPECT_TRUE(fake.runs().empty());
  EXPECT_THROW(call("builtin:gamma", {List{Value(1.0)}}), CourseError);
  EXPECT_THROW(call("frobenius_norm", {List{Value(1.0)}}), CourseError);
}

TEST_F(CourseCalls, AReferenceThatThrowsForAFigureIsACourseError) {
  fake.builds(reference_source, answering([](const Call&) {
                return Outcome{protocol::Thrown{"std::domain_error", "no"}};
              }));
  const auto call = reference_caller(*course, grader);
  try {
    call("l1_norm", {List{Value(std::vector<double>{1})}});
    ADD_FAILURE() << "no CourseError";
  } catch (const CourseError& e) {
    EXPECT_EQ(std::string(e.what()), "l1_norm threw std::domain_error for a figure");
  }
}

TEST_F(CourseCalls, TheLearnersFileAnswersInTheSandboxWhenItCan) {
  fake.builds(stub_source, answering(sum_of_entries));
  const auto call = learner_caller(*course, grader);
  const auto values = call("max_norm", {List{Value(std::vector<double>{1, 2})}});
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(*values, std::vector<Value>{Value(3.0)});
  ASSERT_EQ(fake.runs().size(), 1u);
  EXPECT_TRUE(fake.runs()[0].sandboxed);
  EXPECT_EQ(call("builtin:students_t_pdf", {List{Value(0.0), Value(1.0)}}), std::nullopt);  // nothing of theirs
}

TEST_F(CourseCalls, ALearnersFileThatThrowsCrashesOrDoesNotBuildAnswersNothing) {
  const auto call = learner_caller(*course, grader);
  const std::vector<List> calls{List{Value(std::vector<double>{1, 2})}};
  fake.builds(stub_source, answering([](const Call&) {
                return Outcome{protocol::Thrown{std::string(protocol::not_implemented_type), "todo"}};
              }));
  EXPECT_EQ(call("l1_norm", calls), std::nullopt);
  fake.builds(stub_source, testing::stopping(testing::killed_by(SIGSEGV)));
  EXPECT_EQ(call("l1_norm", calls), std::nullopt);
  fake.does_not_build(stub_source, "error\n");
  EXPECT_EQ(call("l1_norm", calls), std::nullopt);
  fake.builds(stub_source, testing::stopping(testing::held_back_by_load()));  // twice: not graded
  EXPECT_EQ(call("l1_norm", calls), std::nullopt);
}

}  // namespace
}  // namespace mathlings
