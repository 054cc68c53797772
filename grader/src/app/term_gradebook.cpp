#include "app/term_gradebook.hpp"

namespace mathlings {

std::filesystem::path gradebook_file(const Options& options) {
  return options.gradebook ? *options.gradebook : *options.output / "gradebook.db";
}

void TermGradebook::record(const Course& course, const std::vector<StudentRow>& rows, std::ostream& out) {
  const int recorded = database_.finish_run(run_, course, rows);
  out << "Term gradebook: " << database_.file().string() << " (" << recorded << " new gradings, run " << run_ << ")\n";
}

}  // namespace mathlings
