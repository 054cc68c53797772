// mathlings reset: an exercise's stub again, the learner's version kept.
#include <ostream>

#include "app/handlers.hpp"
#include "base/files.hpp"
#include "learner/learner_state.hpp"
#include "learner/reset.hpp"
#include "model/course.hpp"

namespace mathlings {

int reset_command(const Options& options, std::ostream& out, std::ostream&) {
  const auto course = load_course(options.course_dir);
  const Exercise& exercise = course->find(options.arguments.front());
  const ResetOutcome outcome = reset_exercise(*course, exercise);
  if (!outcome.changed) {
    out << "exercises/" << exercise.relative_file().string() << " is the untouched stub already: nothing to do.\n";
    return 0;
  }
  LearnerState::update(LearnerState::path_for(course->root),
                       [&](LearnerState& state) { state.checked.erase(exercise.id); });
  out << "exercises/" << exercise.relative_file().string() << " is the stub again.\n";
  if (outcome.backup) out << "Your version is kept in " << fs::relative(*outcome.backup, course->root).string() << "\n";
  return 0;
}

}  // namespace mathlings
