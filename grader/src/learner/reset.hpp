// `mathlings reset ID`: the exercise's stub restored, after the learner's
// version is kept in .mathlings/backups/ (nothing a learner wrote is lost).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/course.hpp"

namespace mathlings {

/// The stub as first handed out: generated from the solution in a full
/// course, the copy kept in stubs/ in a student pack.
std::string pristine_stub(const Course& course, const Exercise& exercise);

struct ResetOutcome {
  bool changed = false;                         ///< false: the file was the stub already
  std::optional<std::filesystem::path> backup;  ///< where the learner's version went
};

ResetOutcome reset_exercise(const Course& course, const Exercise& exercise);

/// For a learner whose exercise file is gone (deleted, moved, renamed): the
/// line that says how to get the stub back; empty while the file is there.
std::string missing_file_advice(const Course& course, const Exercise& exercise);

}  // namespace mathlings
