#include "app/class_grading.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "app/session.hpp"
#include "app/term_gradebook.hpp"
#include "base/errors.hpp"
#include "base/text.hpp"
#include "classroom/batch.hpp"
#include "classroom/course_fingerprint.hpp"
#include "classroom/roster.hpp"
#include "model/term.hpp"

namespace mathlings {

ClassGrading grade_class(const Options& options, const std::string& reason, std::ostream& out, std::ostream& err) {
  const GradedCourse course = load_graded_course(options);
  const Course& graded = course.graded();  // what the gradebook is of
  Toolchain toolchain(options.cache_dir);
  BatchOptions batch;
  batch.root = fs::absolute(options.arguments.front());
  batch.output = *options.output;
  batch.roster = options.roster;
  batch.jobs = jobs_wanted(options);
  batch.shard = options.shard;
  batch.shards = options.shards;
  batch.assignment = course.assignment;
  if (batch.roster) read_roster(*batch.roster);  // a roster that cannot be read stops the run before it is recorded
  // A shard never opens the term gradebook: its merge records the class
  // (on a cluster, array tasks must not share an SQLite file).
  std::optional<TermGradebook> gradebook;
  if (batch.shards > 1 && options.gradebook)
    throw UsageError("--gradebook with --shard: a shard never records; give --gradebook to the merge");
  if (batch.shards == 1) {
    gradebook.emplace(options);
    gradebook->begin(RunInfo{options.command, fs::absolute(batch.root), fs::absolute(batch.output),
                             course_fingerprint(graded), options.assignment, reason});
  }
  const BatchSummary summary =
      run_batch(*course.whole, toolchain, batch, err, &err == &std::cerr && isatty(STDERR_FILENO));
  out << summary.rows.size() << " students: " << summary.graded << " graded, " << summary.resumed
      << " unchanged since the last run, " << summary.not_graded << " could not be graded.\n";
  if (summary.partly_kept > 0) {
    std::vector<std::string> again;
    for (const auto& [exercise, students] : summary.graded_again)
      again.push_back(exercise + " (" + std::to_string(students) + ")");
    out << "The course (or the exercises asked for) changed since " << batch.output.string() << " was graded: for "
        << summary.partly_kept << " of them only what the change touched was graded again — " << list_names(again, 10)
        << " — and the rest of their results kept.\n";
  }
  const auto noted = std::count_if(summary.rows.begin(), summary.rows.end(),
                                   [](const StudentRow& row) { return !row.result.notes.empty(); });
  if (noted > 0) {
    out << noted << " of them handed in files elsewhere than <lesson>/<exercise>.cpp: the message column says where"
        << " they were found, or why they were not.\n";
  }
  const auto names = [](const std::vector<std::string>& students) { return list_names(students, 10); };
  if (!summary.missing.empty()) {
    out << summary.missing.size() << " on the roster handed in nothing: " << names(summary.missing)
        << " (\"missing\" rows).\n";
  }
  if (!summary.not_on_roster.empty()) {
    out << summary.not_on_roster.size()
        << " hand-ins are on no roster (graded all the same; a misspelt name?): " << names(summary.not_on_roster)
        << ".\n";
  }
  if (course.assignment) {
    std::vector<std::string> late, no_time;
    for (const auto& row : summary.rows) {
      if (row.late && row.late->minutes_late > 0) late.push_back(row.student);
      if (!row.handed_in && row.status != "missing") no_time.push_back(row.student);
    }
    if (!late.empty()) {
      out << late.size() << " handed in after the due time and its grace: " << names(late)
          << " (their scores are after the late penalty; the gradebook's penalty and handed_in columns say why).\n";
    }
    if (!no_time.empty()) {
      out << no_time.size() << " have no hand-in time, so no late penalty:\n";
      for (const auto& row : summary.rows) {
        if (row.handed_in || row.status == "missing") continue;
        out << "  " << one_line(row.student) << ": "
            << one_line(row.no_hand_in_time.empty() ? row.status : row.no_hand_in_time) << "\n";
      }
    }
  }
  if (!summary.machine_busy.empty()) {
    out << summary.machine_busy.size()
        << " could not be graded, the machine being too busy (not their fault): " << names(summary.machine_busy)
        << ". Run the same batch again: they are graded again, everyone else is kept.\n";
  }
  out << "Gradebook: " << (batch.output / "gradebook.csv").string() << "; feedback in "
      << (batch.output / "feedback").string() << "/\n";
  if (gradebook) gradebook->record(graded, summary.rows, out);
  return {summary.rows, class_exit_status(summary.rows)};
}

}  // namespace mathlings
