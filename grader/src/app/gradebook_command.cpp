// mathlings gradebook history STUDENT: what the term gradebook
// (classroom/gradebook_database.hpp) holds of one student, oldest first.
#include <ostream>

#include "app/handlers.hpp"
#include "base/errors.hpp"
#include "base/text.hpp"
#include "classroom/gradebook_database.hpp"
#include "classroom/late_policy.hpp"

namespace mathlings {

int gradebook_command(const Options& options, std::ostream& out, std::ostream&) {
  const std::filesystem::path file = *options.gradebook;
  // Read, never made: a mistyped name must not leave an empty gradebook behind.
  if (!std::filesystem::is_regular_file(file))
    throw UsageError("no gradebook " + file.string() + " (batch and merge write one with --gradebook)");
  const GradebookDatabase database(file);
  const std::string& student = options.arguments.at(1);
  const auto gradings = database.history(student);
  if (gradings.empty()) {
    throw UsageError("no grading of '" + one_line(student) + "' in " + file.string() + "; it has " +
                     one_line(list_names(database.students(), 12)));
  }
  out << one_line(student) << ": " << gradings.size() << (gradings.size() == 1 ? " grading" : " gradings") << " in "
      << file.string() << ", oldest first\n";
  for (const auto& g : gradings) {
    const std::string score = g.score ? format_number(*g.score) : std::string("—");
    out << "  " << g.graded_at << "  " << (g.assignment.empty() ? "(whole course)" : g.assignment) << "  " << score
        << " / " << format_number(g.max_score) << "  " << g.status << "  hand-in " << g.submission_hash.substr(0, 8)
        << ", course " << g.course_hash.substr(0, 8) << ", mathlings " << g.grader_version << ", run " << g.run;
    if (!g.handed_in.empty()) out << "  handed in " << g.handed_in << " (" << g.handed_in_from << ")";
    if (g.minutes_late && *g.minutes_late > 0) {
      out << ", " << format_delay(*g.minutes_late) << " late, −" << format_number(g.penalty.value_or(0) * 100)
          << " % of " << format_number(g.score_before_penalty.value_or(0));
    }
    out << (g.message.empty() ? "" : "  — " + one_line(g.message)) << "\n";
  }
  return 0;
}

}  // namespace mathlings
