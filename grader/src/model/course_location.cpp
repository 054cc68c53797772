#include "model/course_location.hpp"

#include <algorithm>
#include <system_error>

#include "base/errors.hpp"

namespace mathlings {

namespace fs = std::filesystem;

namespace {

/// Whether `inner` is `outer` or lies below it.
bool lies_within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(inner, ec), b = fs::weakly_canonical(outer, ec);
  return std::mismatch(b.begin(), b.end(), a.begin(), a.end()).first == b.end();
}

/// A submission handed in whole holds a course.yaml of its own: found from
/// inside it, its specs and "reference solutions" would grade it. Never.
void refuse_a_course_inside_the_work(const Options& options, const fs::path& working_dir, const fs::path& course) {
  if ((options.command != "grade" && options.command != "batch") || options.arguments.empty()) return;
  const fs::path work = working_dir / options.arguments.front();
  if (!lies_within(course, work)) return;
  throw UsageError("the nearest course.yaml, in " + course.string() + ", lies inside " + work.string() +
                   ", the work to be graded: a submission never chooses its own course. Say which course grades "
                   "it: --course DIR");
}

}  // namespace

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
      refuse_a_course_inside_the_work(options, working_dir, *found);
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
