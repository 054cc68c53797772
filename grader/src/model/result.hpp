// The result model: what grading found, independent of how it is written.
// Every writer (text, JSON, and later JUnit, Gradescope, Exercism) is a
// function of a SubmissionResult and nothing else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mathlings {

/// not_graded, in both: the grader could not finish (the machine too busy),
/// through no fault of the learner's code — never a score, never remembered.
enum class TestStatus {
  passed,
  failed,
  error,
  not_implemented,
  crash,
  timeout,
  memory_limit,
  output_limit,
  not_graded
};
enum class ExerciseStatus { passed, partial, failed, not_attempted, compile_error, rejected, not_graded };

std::string_view to_string(TestStatus status);
std::string_view to_string(ExerciseStatus status);

struct TestResult {
  std::string name;
  TestStatus status = TestStatus::not_implemented;
  double score = 0;
  double max_score = 0;
  std::string message;
  bool hidden = false;             ///< a hidden test: its message never shows its inputs
  std::string misconception = {};  ///< the name of the known mistake its answers match, if any
};

struct ExerciseResult {
  std::string id;
  ExerciseStatus status = ExerciseStatus::not_attempted;
  double score = 0;
  double max_score = 0;
  std::string message;
  std::vector<TestResult> tests;

  /// Sets score and status from the tests (for exercises that compiled).
  void settle();
};

struct SubmissionResult {
  std::vector<ExerciseResult> exercises;
  /// About the submission as a whole, for the person reading the result:
  /// where its files were found when not where the submission layout puts
  /// them (<lesson>/<exercise>.cpp at the top, as the README documents).
  std::vector<std::string> notes;
  double score() const;
  double max_score() const;
  bool all_passed() const;
  /// Whether the grader could not finish some exercise: grade again.
  bool any_not_graded() const;
};

}  // namespace mathlings
