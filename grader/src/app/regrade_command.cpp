// mathlings regrade ROOT --output DIR --reason TEXT: the class of an earlier
// batch graded again after the course changed. Only what the change touched
// is graded again (classroom/batch.hpp keeps the rest); the term gradebook
// records each changed grading beside the one it follows, with the reason;
// and the scores that changed are listed, old and new.
#include <map>
#include <optional>
#include <ostream>

#include "app/class_grading.hpp"
#include "app/handlers.hpp"
#include "app/session.hpp"
#include "app/term_gradebook.hpp"
#include "base/errors.hpp"
#include "base/text.hpp"
#include "classroom/gradebook_database.hpp"
#include "classroom/result_store.hpp"
#include "classroom/shard_manifest.hpp"

namespace mathlings {
namespace {

/// Each student's score before the regrade: their latest grading of the
/// assignment in the term gradebook, as it was recorded (the late policy
/// of then); for a student it does not hold, the earlier output's, under
/// today's policy.
std::map<std::string, std::optional<double>> earlier_scores(const Options& options, const ShardManifest& manifest,
                                                            const std::optional<Assignment>& assignment) {
  std::map<std::string, std::optional<double>> scores;
  std::vector<StudentRow> rows;
  for (const auto& member : manifest.members) {
    try {
      if (auto row = read_row(*options.output, member.student)) rows.push_back(std::move(*row));
    } catch (const GraderError&) {  // a damaged result: it has no earlier score to show
    }
  }
  if (assignment) apply_late_policy(rows, *assignment);
  for (const auto& row : rows) scores[row.student] = gradebook_score(row);
  const std::filesystem::path file = gradebook_file(options);
  if (std::filesystem::is_regular_file(file)) {
    for (const auto& grade : GradebookDatabase(file).current_grades())
      if (grade.assignment == options.assignment) scores[grade.student] = grade.score;
  }
  return scores;
}

std::string score_text(const std::optional<double>& score) {
  return score ? format_number(*score) : std::string("no score");
}

}  // namespace

int regrade_command(const Options& options, std::ostream& out, std::ostream& err) {
  const std::filesystem::path& output = *options.output;
  if (trimmed(options.reason).empty())
    throw UsageError("regrade: say why with --reason \"...\" (the term gradebook records it with every grading)");
  const auto manifest = read_shard_manifest(output);
  if (!manifest) {
    throw UsageError("regrade: " + output.string() +
                     " holds no earlier batch (no shard.json): grade the class with mathlings batch first");
  }
  if (manifest->shards > 1)
    throw UsageError("regrade: " + output.string() + " is one shard of " + std::to_string(manifest->shards) +
                     "; regrade the merged output, or grade the shard again with batch --shard");
  if (manifest->assignment != options.assignment) {
    throw UsageError("regrade: " + output.string() + " was graded for " +
                     (manifest->assignment.empty() ? "the whole course: regrade it without --assignment"
                                                   : "assignment " + manifest->assignment +
                                                         ": regrade it with --assignment " + manifest->assignment));
  }
  if (!manifest->finished) {
    throw UsageError("regrade: the batch that wrote " + output.string() +
                     " did not finish: run that batch again first (it resumes), then regrade");
  }
  // The class as the batch saw it: without the roster it was given, its
  // students' names, submitted_at times and missing rows would be lost.
  Options again = options;
  if (!again.roster && !manifest->roster.empty()) {
    if (!std::filesystem::is_regular_file(manifest->roster)) {
      throw UsageError("regrade: the batch that wrote " + output.string() + " was given the roster " +
                       manifest->roster + ", which is no longer there: give it with --roster");
    }
    again.roster = manifest->roster;
    out << "With the roster the batch was given: " << manifest->roster << "\n";
  }
  const auto before = earlier_scores(again, *manifest, load_graded_course(again).assignment);
  const ClassGrading graded = grade_class(again, trimmed(options.reason), out, err);
  std::vector<std::string> changed;
  for (const auto& row : graded.rows) {
    const auto earlier = before.find(row.student);
    const std::optional<double> now = gradebook_score(row);
    if (earlier == before.end()) {
      changed.push_back(row.student + ": new, " + score_text(now));
    } else if (earlier->second != now) {
      changed.push_back(row.student + ": " + score_text(earlier->second) + " → " + score_text(now));
    }
  }
  if (changed.empty()) {
    out << "No score changed.\n";
  } else {
    out << changed.size() << (changed.size() == 1 ? " score" : " scores") << " changed:\n";
    for (const auto& line : changed) out << "  " << one_line(line) << "\n";
  }
  return graded.exit_status;
}

}  // namespace mathlings
