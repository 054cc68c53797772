// mathlings hint: the next of an exercise's hints, counted per learner.
#include <ostream>

#include "app/handlers.hpp"
#include "base/text.hpp"
#include "learner/learner_state.hpp"
#include "model/course.hpp"

namespace mathlings {

int hint_command(const Options& options, std::ostream& out, std::ostream&) {
  const auto course = load_course(options.course_dir);
  const Exercise& exercise = course->find(options.arguments.front());
  ShownHint shown;
  LearnerState::update(LearnerState::path_for(course->root),
                       [&](LearnerState& state) { shown = state.next_hint(exercise.id, exercise.spec.hints); });
  out << "Hint " << shown.number << " of " << shown.total << " for " << exercise.id << ":\n\n"
      << wrap_text(shown.text, "  ", 80) << "\n";
  const int remaining = shown.remaining();
  out << (remaining > 0 ? std::to_string(remaining) + " more hint" + (remaining > 1 ? "s" : "") + " after this one."
                        : "That was the last hint; the lesson is lessons/" + exercise.lesson->id + "/README.md.")
      << "\n";
  return 0;
}

}  // namespace mathlings
