// mathlings sync: exercises/ generated from the marked solutions/, or with
// --check only the stubs that differ reported.
#include <ostream>

#include "app/handlers.hpp"
#include "authoring/sync.hpp"
#include "model/course.hpp"

namespace mathlings {

int sync_command(const Options& options, std::ostream& out, std::ostream&) {
  const auto course = load_course(options.course_dir);
  if (!options.check_only) {
    const int written = write_stubs(*course, out);
    out << (written == 0 ? "Every stub is up to date.\n" : std::to_string(written) + " stub(s) written.\n");
    return 0;
  }
  int stale = 0;
  for (const auto& state : stub_states(*course)) {
    if (state.up_to_date) continue;
    out << "  differs  exercises/" << state.exercise->relative_file().string() << "\n";
    ++stale;
  }
  out << (stale == 0
              ? "Every stub matches its solution.\n"
              : std::to_string(stale) + " stub(s) differ from what their solutions generate: run mathlings sync\n");
  return stale == 0 ? 0 : 1;
}

}  // namespace mathlings
