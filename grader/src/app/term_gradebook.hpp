// The term gradebook as batch and merge use it: which file (--gradebook, else
// DIR/gradebook.db), opened (and migrated) before the work so that a file
// that cannot be used stops the command before anything is graded, the run
// begun, and recorded when the work is done.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "classroom/gradebook_database.hpp"
#include "model/invocation.hpp"

namespace mathlings {

/// --gradebook, else DIR/gradebook.db.
std::filesystem::path gradebook_file(const Options& options);

class TermGradebook {
 public:
  explicit TermGradebook(const Options& options) : database_(gradebook_file(options)) {}
  void begin(const RunInfo& run) { run_ = database_.begin_run(run); }
  /// Records the run's rows (begin first) and says so on `out`.
  void record(const Course& course, const std::vector<StudentRow>& rows, std::ostream& out);

 private:
  GradebookDatabase database_;
  std::int64_t run_ = 0;
};

}  // namespace mathlings
