// Grading: from a submission's files to a SubmissionResult.
//
// For each exercise, in order: is the file there, is it text, does it keep
// to the include policy, does it compile and link; then, test by test, the
// grader draws the inputs, gets the expected outcomes from the reference
// solution (run in its own trusted process, cached), starts the learner's
// runner under limits with the inputs only, and judges each answer that comes
// back. A crash, hang or flood in one test fails that test alone. Limits are
// CPU time; a step that the machine's load held back past its wall-time
// guard, even when tried again, makes the exercise not_graded — a status of
// the grader's, never a score (see MachineBusy).
#pragma once

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/protocol.hpp"
#include "exec/process.hpp"
#include "exec/toolchain.hpp"
#include "judge/build_and_run.hpp"
#include "judge/generators.hpp"
#include "model/course.hpp"
#include "model/result.hpp"

namespace mathlings {

class Grader {
 public:
  /// With `include_hidden` false (a learner's own check), hidden tests are
  /// neither run nor listed, and do not count towards the maximum.
  /// Builds with `toolchain` and runs in real processes.
  Grader(const Course& course, Toolchain& toolchain, unsigned jobs, bool include_hidden = true);
  /// Builds and runs through `machine` (a test's fake), which must outlive it.
  Grader(const Course& course, BuildAndRun& machine, unsigned jobs, bool include_hidden = true);

  /// Grades the exercises with the given ids (all when empty) of the
  /// submission directory `dir`, in course order.
  SubmissionResult grade(const std::filesystem::path& dir, const std::vector<std::string>& ids = {});

  ExerciseResult grade_exercise(const Exercise& exercise, const std::filesystem::path& file);

  /// The reference solution's outcome for every call of a test (cached).
  std::vector<protocol::Outcome> reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                    const std::string& request);
  /// The learner's outcomes for the calls of `test`, run in the sandbox as
  /// for a test (the book's overlays of the learner's own numbers); nullopt
  /// when the file is missing, rejected, does not build or did not finish.
  std::optional<std::vector<protocol::Outcome>> learner_outcomes(const Exercise& exercise,
                                                                 const std::filesystem::path& file,
                                                                 const TestSpec& test, const std::string& request);
  /// A known wrong variant's outcomes for the calls of a test (cached); empty
  /// if the variant did not finish.
  std::vector<protocol::Outcome> variant_outcomes(const Exercise& exercise, const Misconception& misconception,
                                                  const TestSpec& test, const std::string& request);

 private:
  TestResult run_test(const Exercise& exercise, const TestSpec& test, const BuildProduct& runner);
  /// A learner's file checked (there, a regular file, text, within the
  /// include policy) and built into a runner; when it cannot be, why — as
  /// the exercise's status and message and what its tests say.
  struct LearnerBuild {
    BuildProduct runner;  ///< ok when built
    ExerciseStatus status = ExerciseStatus::compile_error;
    std::string message;
    TestStatus tests_status = TestStatus::error;
    std::string tests_message;
  };
  /// A lesson's handed-in files, compiled as one unit where they may be
  /// (BuildAndRun::compile_together) and linked into one runner for all
  /// their exercises, by the grade's first task for that lesson, while its
  /// exercises' tasks wait.
  struct UnitBuild {
    std::optional<BuildProduct> object;  ///< the unit compiled
    BuildProduct runner;                 ///< ok: one runner for every exercise of the unit
  };
  struct LessonUnit {
    std::vector<UnitFile> files;
    std::vector<const Exercise*> exercises;  ///< files[i] is exercises[i]'s
    std::shared_future<UnitBuild> built;
  };
  UnitBuild build_unit(const Lesson& lesson, const LessonUnit& unit);
  /// The reference solutions of every exercise of `lesson` compiled as one
  /// unit and linked into one runner; not ok when they cannot be (then each
  /// reference is built on its own, and says what is wrong).
  BuildProduct reference_lesson_runner(const Lesson& lesson);
  static std::string lesson_runner_key(const Lesson& lesson);
  LearnerBuild build_learner_file(const Exercise& exercise, const std::filesystem::path& file,
                                  const LessonUnit* unit = nullptr);
  /// The learner's file, checked before any compiler sees it; nothing, and
  /// `build` saying why, when it is refused.
  std::optional<std::string> checked_learner_source(const Exercise& exercise, const std::filesystem::path& file,
                                                    LearnerBuild& build);
  /// `exercise`'s runner linked from its lesson's unit, when `file` is one of
  /// the unit's and the unit compiled and links.
  std::optional<BuildProduct> runner_from_unit(const Exercise& exercise, const UnitFile& file, const LessonUnit& unit);
  ExerciseResult grade_exercise(const Exercise& exercise, const std::filesystem::path& file, const LessonUnit* unit);
  BuildProduct reference_runner(const Exercise& exercise);
  /// The reference's outcomes for each test the grade runs, worked out
  /// ahead (on a spare thread, while the learner's file compiles); never
  /// throws: whatever went wrong is met again where the outcomes are used.
  void reference_outcomes_ahead(const Exercise& exercise);
  /// Course code (a reference solution, a wrong variant) built into a runner;
  /// a CourseError if it does not build.
  BuildProduct course_runner(const Exercise& exercise, const std::filesystem::path& file, const std::string& what);
  /// The first misconception whose variant the learner's answers match.
  const Misconception* recognise_mistake(const Exercise& exercise, const TestSpec& test, const std::vector<Case>& cases,
                                         const std::string& request, const std::vector<protocol::Outcome>& expected,
                                         const protocol::Answers& answers);
  std::vector<protocol::Outcome> compute_reference_outcomes(const Exercise& exercise, const TestSpec& test,
                                                            const std::string& request, const BuildProduct& runner);
  /// Starts a runner on a request, in a fresh scratch directory, under
  /// `limits` — and, for a learner's runner, in the sandbox.
  /// A run held back by the machine's load (ProcessResult::starved) is
  /// tried once more with twice the wall time, then it is MachineBusy.
  ProcessResult run_runner(const BuildProduct& runner, const std::string& request, const Limits& limits, bool learner);

  const Course& course_;
  std::unique_ptr<BuildAndRun> own_machine_;  ///< when made from a Toolchain
  BuildAndRun& machine_;
  unsigned jobs_;
  bool include_hidden_;
  OnceCache<BuildProduct> reference_runners_;
  OnceCache<std::vector<protocol::Outcome>> variant_results_;
  /// Per runner and request: computed once per process, however many
  /// submissions a batch grades.
  OnceCache<std::vector<protocol::Outcome>> reference_results_;
};

}  // namespace mathlings
