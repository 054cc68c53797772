#include "app/session.hpp"

#include <algorithm>
#include <thread>

namespace mathlings {

Session::Session(const Options& options, Hidden hidden) {
  course = load_course(options.course_dir);
  toolchain = std::make_unique<Toolchain>(options.cache_dir);
  grader = std::make_unique<Grader>(*course, *toolchain, jobs_wanted(options), hidden == Hidden::included);
}

unsigned jobs_wanted(const Options& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

int exit_status(const SubmissionResult& result) {
  if (result.any_not_graded()) return 2;
  return result.all_passed() ? 0 : 1;
}

}  // namespace mathlings
