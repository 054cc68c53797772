#include "model/result.hpp"

#include <algorithm>

namespace mathlings {

std::string_view to_string(TestStatus status) {
  switch (status) {
    case TestStatus::passed: return "passed";
    case TestStatus::failed: return "failed";
    case TestStatus::error: return "error";
    case TestStatus::not_implemented: return "not_implemented";
    case TestStatus::crash: return "crash";
    case TestStatus::timeout: return "timeout";
    case TestStatus::memory_limit: return "memory_limit";
    case TestStatus::output_limit: return "output_limit";
    case TestStatus::not_graded: return "not_graded";
  }
  return "error";
}

std::string_view to_string(ExerciseStatus status) {
  switch (status) {
    case ExerciseStatus::passed: return "passed";
    case ExerciseStatus::partial: return "partial";
    case ExerciseStatus::failed: return "failed";
    case ExerciseStatus::not_attempted: return "not_attempted";
    case ExerciseStatus::compile_error: return "compile_error";
    case ExerciseStatus::rejected: return "rejected";
    case ExerciseStatus::not_graded: return "not_graded";
  }
  return "failed";
}

void ExerciseResult::settle() {
  score = 0;
  max_score = 0;
  for (const auto& t : tests) {
    score += t.score;
    max_score += t.max_score;
  }
  const bool untouched = std::all_of(tests.begin(), tests.end(),
                                     [](const TestResult& t) { return t.status == TestStatus::not_implemented; });
  if (untouched) {
    status = ExerciseStatus::not_attempted;
  } else if (score >= max_score) {
    status = ExerciseStatus::passed;
  } else if (score > 0) {
    status = ExerciseStatus::partial;
  } else {
    status = ExerciseStatus::failed;
  }
}

double SubmissionResult::score() const {
  double total = 0;
  for (const auto& e : exercises) total += e.score;
  return total;
}

double SubmissionResult::max_score() const {
  double total = 0;
  for (const auto& e : exercises) total += e.max_score;
  return total;
}

bool SubmissionResult::any_not_graded() const {
  return std::any_of(exercises.begin(), exercises.end(),
                     [](const ExerciseResult& e) { return e.status == ExerciseStatus::not_graded; });
}

bool SubmissionResult::all_passed() const {
  return std::all_of(exercises.begin(), exercises.end(),
                     [](const ExerciseResult& e) { return e.status == ExerciseStatus::passed; });
}

}  // namespace mathlings
