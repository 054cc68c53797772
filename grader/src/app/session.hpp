// What the grading commands share: the course loaded, the toolchain and the
// grader set up from the options, and the exit status of a graded result.
#pragma once

#include <memory>

#include "exec/toolchain.hpp"
#include "judge/grading.hpp"
#include "model/course.hpp"
#include "model/invocation.hpp"
#include "model/result.hpp"

namespace mathlings {

struct Session {
  std::unique_ptr<Course> course;
  std::unique_ptr<Toolchain> toolchain;
  std::unique_ptr<Grader> grader;

  /// A learner's own check leaves hidden tests out; instructors' commands
  /// include them.
  enum class Hidden { excluded, included };
  explicit Session(const Options& options, Hidden hidden = Hidden::included);
};

/// The exercises --assignment ID holds (term.yaml); none without it. A
/// UsageError names the assignments there are.
std::vector<std::string> assignment_exercises(const Course& course, const Options& options);

/// The course as a batch or merge writes it: the whole course, or with
/// --assignment the part of it that assignment holds (course_part).
std::unique_ptr<Course> load_graded_course(const Options& options);

/// --jobs, else one per core.
unsigned jobs_wanted(const Options& options);

/// 2 when the grader could not finish (nothing graded as asked), else 1
/// unless every test passed.
int exit_status(const SubmissionResult& result);

}  // namespace mathlings
