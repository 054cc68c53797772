// mathlings list: every exercise, in order, with the learner's status.
#include <ostream>

#include "app/handlers.hpp"
#include "base/terminal.hpp"
#include "learner/learner_state.hpp"
#include "learner/progress.hpp"
#include "learner/reset.hpp"
#include "model/course.hpp"

namespace mathlings {

int list_command(const Options& options, std::ostream& out, std::ostream&) {
  const auto course = load_course(options.course_dir);
  const LearnerState state = LearnerState::load(LearnerState::path_for(course->root));
  const Progress progress = Progress::of(*course, state);
  const auto* next = progress.first_unfinished();
  write_progress(out, *course, progress, ProgressStyle{colour_wanted(out), false, next ? next->exercise->id : ""});
  for (const auto* exercise : course->exercises()) {
    const std::string advice = missing_file_advice(*course, *exercise);
    if (!advice.empty()) out << "\n" << advice;
  }
  out << "\nScores are those of your last check.\n"
      << (next ? "Next: " + next->exercise->id + " — run mathlings watch\n" : "Every exercise passes: well done.\n");
  return 0;
}

}  // namespace mathlings
