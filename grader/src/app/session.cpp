#include "app/session.hpp"

#include <algorithm>
#include <thread>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "model/term.hpp"

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

GradedCourse load_graded_course(const Options& options) {
  GradedCourse graded;
  graded.whole = load_course(options.course_dir);
  if (options.assignment.empty()) return graded;
  const auto term = load_term(*graded.whole);
  if (!term) {
    throw UsageError("--assignment " + options.assignment + ": the course has no term.yaml listing its assignments (" +
                     (graded.whole->root / "term.yaml").string() + "; the README shows one)");
  }
  const Assignment* assignment = term->find(options.assignment);
  if (!assignment) {
    std::vector<std::string> ids;
    for (const auto& a : term->assignments) ids.push_back(a.id);
    throw UsageError("--assignment: term.yaml has no assignment '" + options.assignment + "'; it has " +
                     list_names(ids, 20));
  }
  graded.assignment = *assignment;
  graded.part = course_part(*graded.whole, assignment->exercises);
  return graded;
}

}  // namespace mathlings
