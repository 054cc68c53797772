// mathlings gradebook history STUDENT: what the term gradebook
// (classroom/gradebook_database.hpp) holds of one student, oldest first.
// mathlings gradebook export canvas|moodle|csv|json: every student's
// current grades, as an LMS imports them (classroom/lms_export.hpp).
// mathlings gradebook items: an assignment's item analysis (classroom/item_analysis.hpp).
#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/handlers.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "classroom/gradebook_database.hpp"
#include "classroom/item_analysis.hpp"
#include "classroom/late_policy.hpp"
#include "classroom/lms_export.hpp"
#include "classroom/roster.hpp"
#include "model/course.hpp"
#include "model/term.hpp"

namespace mathlings {

namespace {

/// The term gradebook's current grades in an LMS's format, to --output or standard output.
int export_grades(const Options& options, const GradebookDatabase& database, std::ostream& out, std::ostream& err) {
  const ExportFormat format = export_format(options.arguments.at(1));
  // term.yaml gives the titles, order and Canvas ids; a mistake in it is
  // said, never passed over (a Canvas id lost makes Canvas create an
  // assignment). Without a course here, the gradebook's own ids serve.
  std::unique_ptr<Course> course;
  try {
    course = load_course(options.course_dir);
  } catch (const CourseError&) {
  }
  const std::optional<Term> term = course ? load_term(*course) : std::nullopt;
  const std::optional<Roster> roster = options.roster ? std::optional(read_roster(*options.roster)) : std::nullopt;
  const TermGrades grades = term_grades(database.current_grades(), term, course.get());
  std::vector<std::string> untitled;  // graded assignments term.yaml does not list
  for (const auto& a : grades.assignments)
    if (!term || !term->find(a.id)) untitled.push_back(a.id.empty() ? "(the whole course)" : a.id);
  if (!untitled.empty()) {
    const std::string where = course ? (course->root / "term.yaml").string() : "no course here";
    if (format == ExportFormat::canvas) {
      throw UsageError("gradebook export canvas: " + one_line(list_names(untitled, 10)) + " not in " + where +
                       ": Canvas's columns take their titles and canvas_id from term.yaml — run it in the course "
                       "folder, or give --course");
    }
    err << "Not in " << where << ", so titled by id: " << one_line(list_names(untitled, 10)) << "\n";
  }
  std::ostringstream text;
  const ExportSummary summary = write_export(text, format, grades, roster ? &*roster : nullptr);
  std::ostream& said = options.output ? out : err;
  if (options.output) {
    try {
      write_file_atomically(*options.output, text.str());
    } catch (const std::exception& e) {
      throw UsageError("cannot write " + options.output->string() + " (" + e.what() +
                       "): give --output a file in a folder you can write");
    }
    said << summary.students << " students' grades for " << grades.assignments.size() << " assignments written to "
         << options.output->string() << "\n";
  } else {
    out << text.str();
  }
  if (!summary.not_on_roster.empty()) {
    said << summary.not_on_roster.size() << " graded students are not on the roster, so not in the export: "
         << one_line(list_names(summary.not_on_roster, 10)) << "\n";
  }
  if (!summary.never_graded.empty()) {
    said << summary.never_graded.size() << " on the roster were never graded (their cells are empty): "
         << one_line(list_names(summary.never_graded, 10)) << "\n";
  }
  return 0;
}

/// The item analysis of an assignment's current gradings.
int list_items(const Options& options, const GradebookDatabase& database, std::ostream& out) {
  std::string assignment = options.assignment;
  const std::vector<std::string> graded = database.assignments();
  if (std::find(graded.begin(), graded.end(), assignment) == graded.end()) {
    if (!options.assignment.empty() || graded.size() != 1) {
      std::vector<std::string> named;
      for (const auto& a : graded) named.push_back(a.empty() ? "(the whole course: no --assignment)" : a);
      throw UsageError((options.assignment.empty() ? std::string("gradebook items: which assignment? ")
                                                   : "gradebook items: no grading of '" + options.assignment + "'; ") +
                       "the gradebook has " + one_line(list_names(named, 20)));
    }
    assignment = graded.front();
  }
  const std::vector<StudentRow> rows = database.current_results(assignment);
  const std::vector<ItemStatistics> items = item_statistics(rows);
  const auto students =
      std::count_if(rows.begin(), rows.end(), [](const StudentRow& r) { return r.status == "graded"; });
  out << "Items of " << (assignment.empty() ? "the whole course" : "assignment " + assignment) << ", " << students
      << " students graded (their latest gradings; facility: mean score over the points; discrimination: the "
         "correlation with the rest of the score)\n\n";
  // Padded by what a terminal shows, not by bytes: a test named "a 1×1 system" lines up too.
  const auto left = [](const std::string& text, std::size_t width) {
    return text + std::string(width > display_columns(text) ? width - display_columns(text) : 1, ' ');
  };
  const auto right = [](const std::string& text, std::size_t width) {
    return std::string(width > display_columns(text) ? width - display_columns(text) : 1, ' ') + text;
  };
  out << "  " << left("item", 52) << right("points", 7) << right("facility", 10) << right("discrimination", 16) << "\n";
  std::vector<std::string> flagged;
  for (const auto& i : items) {
    const std::string name = one_line(i.test.empty() ? i.exercise : "  " + i.test);
    out << "  " << left(name, 52) << right(format_number(i.max_score), 7) << right(format_percent(i.facility), 10)
        << right(i.discrimination ? format_percent(*i.discrimination) : "—", 16) << "\n";
    if (!i.flag.empty()) flagged.push_back(i.exercise + (i.test.empty() ? "" : " / " + i.test) + ": " + i.flag);
  }
  if (!flagged.empty()) {
    out << "\nFor the author to look at:\n";
    for (const auto& f : flagged) out << "  " << one_line(f) << "\n";
  }
  return 0;
}

}  // namespace

int gradebook_command(const Options& options, std::ostream& out, std::ostream& err) {
  const std::filesystem::path file = *options.gradebook;
  // Read, never made: a mistyped name must not leave an empty gradebook behind.
  if (!std::filesystem::is_regular_file(file))
    throw UsageError("no gradebook " + file.string() + " (batch and merge write one with --gradebook)");
  const GradebookDatabase database(file);
  const std::string& what = options.arguments.front();
  if (what == "items") {
    if (options.arguments.size() > 1)
      throw UsageError("gradebook items takes no more words: --assignment ID picks one");
    return list_items(options, database, out);
  }
  if (options.arguments.size() < 2) {
    throw UsageError(what == "export" ? "gradebook export: which format? canvas, moodle, csv or json"
                                      : "gradebook history: whose? mathlings gradebook history STUDENT");
  }
  if (what == "export") return export_grades(options, database, out, err);
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
    if (g.command == "regrade") {
      out << "  regraded (" << one_line(g.reason) << ")"
          << (g.previous_grading ? ", was " + (g.previous_score ? format_number(*g.previous_score) : "—") : "");
    }
    out << (g.message.empty() ? "" : "  — " + one_line(g.message)) << "\n";
  }
  return 0;
}

}  // namespace mathlings
