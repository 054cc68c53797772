#include "course_location.hpp"

#include <system_error>

namespace mathlings {

namespace fs = std::filesystem;

std::optional<fs::path> find_course_above(const fs::path& dir) {
  std::error_code ec;
  fs::path at = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return std::nullopt;
  for (;;) {
    if (fs::is_regular_file(at / "course.yaml", ec)) return at;
    if (!at.has_relative_path()) return std::nullopt;  // the root: nothing above
    at = at.parent_path();
  }
}

void locate_course(Options& options, const fs::path& working_dir, const fs::path& built_in, std::ostream& err) {
  if (!options.course_given) {
    if (const auto found = find_course_above(working_dir)) {
      options.course_dir = *found;
    } else {
      options.course_dir = built_in;
      err << "mathlings: no course.yaml in " << working_dir.string()
          << " or above; using the course mathlings was built from, " << built_in.string()
          << " (--course DIR chooses another)\n";
    }
  }
  if (!options.cache_given) options.cache_dir = options.course_dir / ".mathlings" / "cache";
}

}  // namespace mathlings
