// The term gradebook as batch and merge use it: which file (--gradebook, else
// DIR/gradebook.db), opened before the work so that a file that cannot be
// used stops the command before anything is graded, and the run recorded
// when the work is done.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "classroom/gradebook_database.hpp"
#include "model/invocation.hpp"

namespace mathlings {

class TermGradebook {
 public:
  /// Opens the gradebook of `options` and records that `run` began.
  TermGradebook(const Options& options, const RunInfo& run);
  /// Records the run's rows and says so on `out`.
  void record(const std::vector<StudentRow>& rows, std::ostream& out);

 private:
  GradebookDatabase database_;
  std::int64_t run_;
};

}  // namespace mathlings
