// mathlings check: the learner grades their own exercises/, hidden tests left
// out, and the verdicts are remembered for list and watch.
#include <ostream>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "base/terminal.hpp"
#include "learner/learner_state.hpp"
#include "learner/progress.hpp"
#include "learner/reset.hpp"
#include "report/report.hpp"

namespace mathlings {

int check_command(const Options& options, std::ostream& out, std::ostream&) {
  Session session(options, Session::Hidden::excluded);
  const Course& course = *session.course;
  std::vector<std::string> ids;  // as typed: a bare name or a typo is found (or a nearer id suggested) here
  for (const auto& id : options.arguments) ids.push_back(course.find(id).id);
  const SubmissionResult result = session.grader->grade(course.exercises_dir(), ids);
  write_text(out, course, result, TextStyle{colour_wanted(out), false});
  for (const auto& ex : result.exercises) out << missing_file_advice(course, course.find(ex.id));
  LearnerState::update(LearnerState::path_for(course.root), [&](LearnerState& state) {
    for (const auto& ex : result.exercises) {
      if (ex.status == ExerciseStatus::not_graded) continue;  // no verdict to remember
      state.checked[ex.id] = {exercise_file_hash(course.exercises_dir() / course.find(ex.id).relative_file()),
                              std::string(to_string(ex.status)), ex.score, ex.max_score};
    }
  });
  if (!result.all_passed()) out << "Stuck? `mathlings hint ID` gives a hint.\n";
  return exit_status(result);
}

}  // namespace mathlings
