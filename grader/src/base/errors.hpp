// The grader's two kinds of failure, kept apart: a learner is never blamed for
// the grader's fault, nor the grader for the learner's (docs/result-format.md,
// "Exit status").
//
// A learner's mistake (a compile error, a crash, a wrong answer) is never an
// exception here: it is a result, recorded and reported with exit status 1.
// What is thrown is a fault that stops grading as asked: bad arguments, a
// broken course, or the grader itself failing. main() is the one place that
// turns these into a message and exit status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace mathlings {

/// Nothing could be graded as asked; exit status 2.
struct GraderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The command line asked for something that does not exist or fit.
struct UsageError : GraderError {
  using GraderError::GraderError;
};

/// The course itself is broken: a manifest, spec, header or reference
/// solution. Messages name the file (and line where there is one).
struct CourseError : GraderError {
  using GraderError::GraderError;
};

/// The machine was too busy to finish a step in time — a compile or a run
/// stopped at its wall-time guard while under its CPU limit, again when tried
/// once more. No one's fault: what it concerned is not graded (never a score,
/// never remembered), and grading again later will do.
struct MachineBusy : GraderError {
  using GraderError::GraderError;
};

}  // namespace mathlings
