#include "model/result.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>

#include "base/errors.hpp"
#include "base/once_cache.hpp"
#include "base/text.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

ExerciseResult with(std::initializer_list<std::pair<TestStatus, double>> tests) {
  ExerciseResult e;
  for (const auto& [status, score] : tests) e.tests.push_back({"t", status, score, 2, ""});
  e.settle();
  return e;
}

TEST(Result, StatusFollowsTheTests) {
  EXPECT_EQ(with({{TestStatus::passed, 2}, {TestStatus::passed, 2}}).status, ExerciseStatus::passed);
  EXPECT_EQ(with({{TestStatus::passed, 2}, {TestStatus::failed, 0}}).status, ExerciseStatus::partial);
  EXPECT_EQ(with({{TestStatus::crash, 0}, {TestStatus::failed, 0}}).status, ExerciseStatus::failed);
  EXPECT_EQ(with({{TestStatus::not_implemented, 0}, {TestStatus::not_implemented, 0}}).status,
            ExerciseStatus::not_attempted);
  // One function written, the other still a stub: attempted, and short.
  EXPECT_EQ(with({{TestStatus::passed, 2}, {TestStatus::not_implemented, 0}}).status, ExerciseStatus::partial);
}

TEST(Result, ScoresAddUp) {
  SubmissionResult s;
  s.exercises = {with({{TestStatus::passed, 2}, {TestStatus::failed, 0}}), with({{TestStatus::passed, 2}})};
  EXPECT_DOUBLE_EQ(s.score(), 4);
  EXPECT_DOUBLE_EQ(s.max_score(), 6);
  EXPECT_FALSE(s.all_passed());
}

TEST(Result, AnExerciseNotGradedIsNoScoreAndSaysSoInEveryFormat) {
  SubmissionResult s;
  ExerciseResult busy;
  busy.id = "01-vector-norms/norms";
  busy.status = ExerciseStatus::not_graded;
  busy.max_score = 2;
  busy.message = "could not grade: the machine was too busy";
  busy.tests.push_back({"t", TestStatus::not_graded, 0, 2, "not graded: the machine was too busy"});
  s.exercises = {busy};
  EXPECT_TRUE(s.any_not_graded());
  EXPECT_FALSE(s.all_passed());
  EXPECT_EQ(to_string(ExerciseStatus::not_graded), "not_graded");
  EXPECT_EQ(to_string(TestStatus::not_graded), "not_graded");
  std::ostringstream json, junit, exercism;
  write_json(json, s);
  EXPECT_NE(json.str().find("\"status\": \"not_graded\""), std::string::npos) << json.str();
  write_junit(junit, s);
  EXPECT_NE(junit.str().find("type=\"not_graded\""), std::string::npos) << junit.str();
  write_exercism(exercism, s);
  EXPECT_NE(exercism.str().find("\"status\": \"error\""), std::string::npos) << exercism.str();
}

TEST(Result, TheMachineBeingBusyIsNotRememberedAsAnAnswer) {
  OnceCache<int> cache;
  std::atomic<int> computed{0};
  const auto busy_once = [&]() -> int {
    if (computed++ == 0) throw MachineBusy("too busy");
    return 42;
  };
  EXPECT_THROW(cache.get("key", busy_once), MachineBusy);
  EXPECT_EQ(cache.get("key", busy_once), 42);  // computed again, not the stored failure
  EXPECT_EQ(cache.get("key", busy_once), 42);
  EXPECT_EQ(computed, 2);
  // Any other failure is an answer: asked again, it is not computed again.
  OnceCache<int> broken;
  int tries = 0;
  const auto fails = [&]() -> int {
    ++tries;
    throw CourseError("broken");
  };
  EXPECT_THROW(broken.get("key", fails), CourseError);
  EXPECT_THROW(broken.get("key", fails), CourseError);
  EXPECT_EQ(tries, 1);
}

TEST(Result, SecondsAreRoundedForPeople) {
  EXPECT_EQ(format_seconds(20.01510249), "20 s");
  EXPECT_EQ(format_seconds(2.5), "2.5 s");
  EXPECT_EQ(format_seconds(2), "2 s");
  EXPECT_EQ(format_seconds(0.25), "0.25 s");
  EXPECT_EQ(format_seconds(62.4), "62 s");
}

}  // namespace
}  // namespace mathlings
