// mathlings export: the course as learners get it (a student pack), or as a
// Gradescope autograder.
#include "app/handlers.hpp"
#include "app/session.hpp"
#include "base/config.hpp"
#include "base/errors.hpp"
#include "classroom/gradescope_bundle.hpp"
#include "classroom/student_pack.hpp"

namespace mathlings {

int export_command(const Options& options, std::ostream& out, std::ostream&) {
  const fs::path target = options.arguments[1];
  if (options.arguments[0] == "gradescope") {
    const auto course = load_course(options.course_dir);
    export_gradescope_bundle(*course, config::source_dir, target, out);
    return 0;
  }
  Session session(options);
  if (session.course->is_student_pack()) throw UsageError("this is already a student pack");
  export_student_pack(*session.course, *session.grader, config::source_dir, target, out);
  return 0;
}

}  // namespace mathlings
