// mathlings new: a lesson or an exercise scaffolded for its author to fill in.
#include "app/handlers.hpp"
#include "authoring/scaffold.hpp"

namespace mathlings {

int new_command(const Options& options, std::ostream& out, std::ostream&) {
  if (options.arguments[0] == "lesson") {
    scaffold_lesson(options.course_dir, options.arguments[1], out);
  } else {
    scaffold_exercise(options.course_dir, options.arguments[1], out);
  }
  return 0;
}

}  // namespace mathlings
