// What `batch` and `regrade` share: a class graded on this machine into
// DIR, recorded in the term gradebook, and what came of it said.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "classroom/gradebook.hpp"
#include "model/invocation.hpp"

namespace mathlings {

struct ClassGrading {
  std::vector<StudentRow> rows;
  int exit_status = 0;  ///< as batch's: class_exit_status
};

/// Grades the class of `options` (ROOT, --output, --roster, --assignment,
/// --shard, --gradebook) here, and says on `out` what it did; `reason` is
/// recorded with the run in the term gradebook (a regrade's; empty for a batch).
ClassGrading grade_class(const Options& options, const std::string& reason, std::ostream& out, std::ostream& err);

}  // namespace mathlings
