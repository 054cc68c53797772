#include "result.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace mathlings
