// What the grading commands share: the course loaded, the toolchain and the
// grader set up from the options, and the exit status of a graded result.
#pragma once

#include <memory>
#include <optional>

#include "exec/toolchain.hpp"
#include "judge/grading.hpp"
#include "model/course.hpp"
#include "model/invocation.hpp"
#include "model/result.hpp"
#include "model/term.hpp"

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

/// What a batch or merge grades: the course, and with --assignment ID that
/// assignment of term.yaml and the part of the course it holds
/// (course_part). A UsageError names the assignments there are.
struct GradedCourse {
  std::unique_ptr<Course> whole;
  std::optional<Assignment> assignment;
  std::unique_ptr<Course> part;  ///< with an assignment
  /// What the gradebook is of: the assignment's part, else the whole course.
  const Course& graded() const { return part ? *part : *whole; }
};
GradedCourse load_graded_course(const Options& options);

/// --jobs, else one per core.
unsigned jobs_wanted(const Options& options);

/// 2 when the grader could not finish (nothing graded as asked), else 1
/// unless every test passed.
int exit_status(const SubmissionResult& result);

}  // namespace mathlings
