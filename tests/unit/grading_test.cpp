// The grader end to end, in-process, on the example course.
#include "grading.hpp"

#include <gtest/gtest.h>

#include "config.hpp"

namespace mathlings {
namespace {

const std::filesystem::path fixtures = MATHLINGS_TEST_FIXTURES;

class GradingTest : public ::testing::Test {
 protected:
  std::unique_ptr<Course> course = load_course(fixtures.parent_path() / "example-course");
  Toolchain toolchain{std::filesystem::path(config::default_cache_dir)};
};

TEST_F(GradingTest, ALearnersCheckNeitherRunsNorRevealsHiddenTests) {
  Grader check(*course, toolchain, 1, false);
  const auto result = check.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  ASSERT_EQ(result.exercises.size(), 1u);
  for (const auto& t : result.exercises[0].tests) EXPECT_NE(t.name, "a vector of huge entries");
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 3);
}

TEST_F(GradingTest, GradingRunsHiddenTestsButNeverShowsTheirInputs) {
  Grader grade(*course, toolchain, 1, true);
  const auto result = grade.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  const auto& tests = result.exercises.at(0).tests;
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_TRUE(tests[2].hidden);
  EXPECT_EQ(tests[2].status, TestStatus::failed);
  EXPECT_EQ(tests[2].message.find("e+200"), std::string::npos) << tests[2].message;
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 4);
}

}  // namespace
}  // namespace mathlings
