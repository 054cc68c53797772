#include "app/term_gradebook.hpp"

namespace mathlings {
namespace {

std::filesystem::path gradebook_file(const Options& options) {
  return options.gradebook ? *options.gradebook : *options.output / "gradebook.db";
}

}  // namespace

TermGradebook::TermGradebook(const Options& options, const RunInfo& run)
    : database_(gradebook_file(options)), run_(database_.begin_run(run)) {}

void TermGradebook::record(const std::vector<StudentRow>& rows, std::ostream& out) {
  const int recorded = database_.finish_run(run_, rows);
  out << "Term gradebook: " << database_.file().string() << " (" << recorded << " new gradings, run " << run_ << ")\n";
}

}  // namespace mathlings
