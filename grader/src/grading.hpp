// Grading: from a submission's files to a SubmissionResult.
//
// For each exercise, in order: is the file there, is it text, does it keep
// to the include policy, does it compile and link; then, test by test, the
// grader draws the inputs, gets the expected outcomes from the reference
// solution (run in its own trusted process, cached), starts the learner's
// runner under limits with the inputs only, and judges each answer that comes
// back. A crash, hang or flood in one test fails that test alone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "../common/protocol.hpp"
#include "course.hpp"
#include "process.hpp"
#include "result.hpp"
#include "toolchain.hpp"

namespace mathlings {

class Grader {
 public:
  /// With `include_hidden` false (a learner's own check), hidden tests are
  /// neither run nor listed, and do not count towards the maximum.
  Grader(const Course& course, Toolchain& toolchain, unsigned jobs, bool include_hidden = true);

  /// Grades the exercises with the given ids (all when empty) of the
  /// submission directory `dir`, in course order.
  SubmissionResult grade(const std::filesystem::path& dir, const std::vector<std::string>& ids = {});

  ExerciseResult grade_exercise(const Exercise& exercise, const std::filesystem::path& file);

  /// The reference solution's outcome for every call of a test (cached).
  std::vector<protocol::Outcome> reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                    const std::string& request);

 private:
  TestResult run_test(const Exercise& exercise, const TestSpec& test, const BuildProduct& runner);
  BuildProduct reference_runner(const Exercise& exercise);
  std::vector<protocol::Outcome> compute_reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                            const std::string& request, const BuildProduct& runner);
  /// Starts a runner on a request, in a fresh scratch directory, under
  /// `limits` — and, for a learner's runner, in the sandbox.
  ProcessResult run_runner(const BuildProduct& runner, const std::string& request, const Limits& limits, bool learner);

  const Course& course_;
  Toolchain& toolchain_;
  unsigned jobs_;
  bool include_hidden_;
  OnceCache<BuildProduct> reference_runners_;
  /// Per runner and request: computed once per process, however many
  /// submissions a batch grades.
  OnceCache<std::vector<protocol::Outcome>> reference_results_;
};

}  // namespace mathlings
