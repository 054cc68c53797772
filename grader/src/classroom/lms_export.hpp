// The term's grades as a learning management system imports them, from the
// term gradebook (gradebook_database.hpp): each student's latest grading of
// each assignment.
//
//   canvas  Canvas's gradebook import: Student, ID, SIS User ID, SIS Login
//           ID, Section, then a column per assignment ("Title (canvas_id)"
//           when term.yaml gives the Canvas assignment's id, which updates
//           it; "Title" alone makes Canvas create an assignment), and the
//           "Points Possible" row. The identities come from the roster,
//           which must be Canvas's own gradebook export.
//   moodle  Moodle's grade import (CSV): the roster's Moodle identity columns
//           (ID number, username, email, names: whichever it has; else the
//           student's id as username, name, email), then a column
//           per assignment, titled as in term.yaml; Moodle's import form
//           maps the identifier column and each grade column.
//   csv     student, name, email, a column per assignment, total, max_total.
//   json    the same as mathlings.term-grades/1.
//
// Every CSV cell goes through CsvRecord (base/csv.hpp): a name starting
// with = + - @ is never a formula. A score the grader could not finish is
// an empty cell (an import leaves the grade as it was), never a 0.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "classroom/gradebook_database.hpp"
#include "classroom/roster.hpp"
#include "model/term.hpp"

namespace mathlings {

struct GradedAssignment {
  std::string id, title, canvas_id;
  double max_score = 0;
};

struct TermGrades {
  std::vector<GradedAssignment> assignments;  ///< term.yaml's order; then any other the gradebook holds
  /// By student, then assignment: the latest score (none: could not be graded).
  std::map<std::string, std::map<std::string, std::optional<double>>> scores;
  std::map<std::string, std::pair<std::string, std::string>> name_and_email;  ///< as recorded, when any was
};

/// The gradebook's current grades, ordered and titled by `term` when there is
/// one; an assignment not graded yet has the points `course` gives it.
TermGrades term_grades(const std::vector<CurrentGrade>& grades, const std::optional<Term>& term,
                       const Course* course = nullptr);

enum class ExportFormat { canvas, moodle, csv, json };
/// "canvas", "moodle", "csv" or "json"; a UsageError naming them otherwise.
ExportFormat export_format(const std::string& name);

struct ExportSummary {
  std::size_t students = 0;
  std::vector<std::string> not_on_roster;  ///< graded, but the roster has no identity for them: left out
  std::vector<std::string> never_graded;   ///< on the roster, no grading at all
};

/// Writes `grades` in `format`. With a roster, its students in its order
/// (Canvas needs one: Canvas's gradebook export); without, every graded
/// student. Throws UsageError when the roster cannot serve the format.
ExportSummary write_export(std::ostream& out, ExportFormat format, const TermGrades& grades, const Roster* roster);

}  // namespace mathlings
