#include "classroom/lms_export.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/csv.hpp"
#include "base/errors.hpp"
#include "base/json.hpp"
#include "base/text.hpp"

namespace mathlings {
namespace {

const char* const canvas_identity[] = {"Student", "ID", "SIS User ID", "SIS Login ID", "Section"};

/// A header as compared: lower case, '_' and '-' as spaces.
std::string key_of(const std::string& header) {
  std::string key;
  for (unsigned char c : trimmed(header)) key += c == '_' || c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  return key;
}

/// The columns of a roster that say who a student is (the ones Moodle's
/// import can identify a user by, and their names), in the roster's order.
std::vector<std::string> identity_columns(const Roster& roster) {
  // Moodle's own: its grade export's and its user list's (not Canvas's ID, which Moodle does not know).
  static const std::set<std::string> identities{"first name", "last name", "firstname",     "lastname", "id number",
                                                "idnumber",   "username",  "email address", "email"};
  std::vector<std::string> columns;
  for (const auto& header : roster.header)
    if (identities.count(key_of(header))) columns.push_back(header);
  return columns;
}

std::string field_of(const RosterStudent& student, const std::string& header) {
  const auto it = student.fields.find(header);
  return it == student.fields.end() ? "" : it->second;
}

/// Who is exported, in order: the roster's students, else everyone graded.
std::vector<std::string> exported_students(const TermGrades& grades, const Roster* roster, ExportSummary& summary) {
  std::vector<std::string> students;
  if (!roster) {
    for (const auto& [student, scores] : grades.scores) students.push_back(student);
    return students;
  }
  std::set<std::string> on_roster;
  for (const auto& s : roster->students) {
    students.push_back(s.id);
    on_roster.insert(s.id);
    if (!grades.scores.count(s.id)) summary.never_graded.push_back(s.id);
  }
  for (const auto& [student, scores] : grades.scores)
    if (!on_roster.count(student)) summary.not_on_roster.push_back(student);
  return students;
}

std::optional<double> score_of(const TermGrades& grades, const std::string& student, const std::string& assignment) {
  const auto of_student = grades.scores.find(student);
  if (of_student == grades.scores.end()) return std::nullopt;
  const auto score = of_student->second.find(assignment);
  return score == of_student->second.end() ? std::nullopt : score->second;
}

CsvRecord& score_cell(CsvRecord& record, const std::optional<double>& score) {
  return score ? record.number(*score) : record.text("");
}

const RosterStudent* roster_entry(const Roster* roster, const std::string& student) {
  if (!roster) return nullptr;
  for (const auto& s : roster->students)
    if (s.id == student) return &s;
  return nullptr;
}

/// The student's name and email: the roster's, else (each) the gradebook's.
std::pair<std::string, std::string> name_and_email(const TermGrades& grades, const Roster* roster,
                                                   const std::string& student) {
  const auto recorded = grades.name_and_email.find(student);
  std::pair<std::string, std::string> found =
      recorded == grades.name_and_email.end() ? std::pair<std::string, std::string>{} : recorded->second;
  if (const RosterStudent* s = roster_entry(roster, student)) {
    if (!s->name.empty()) found.first = s->name;
    if (!s->email.empty()) found.second = s->email;
  }
  return found;
}

void write_canvas(std::ostream& out, const TermGrades& grades, const Roster& roster,
                  const std::vector<std::string>& students) {
  CsvRecord header, points;
  for (const char* column : canvas_identity) header.text(column);
  points.text("Points Possible");
  for (std::size_t k = 1; k < std::size(canvas_identity); ++k) points.text("");
  for (const auto& a : grades.assignments) {
    header.text(a.canvas_id.empty() ? a.title : a.title + " (" + a.canvas_id + ")");
    points.number(a.max_score);
  }
  out << header << points;
  for (const auto& student : students) {
    const RosterStudent& entry = *roster_entry(&roster, student);
    CsvRecord record;
    for (const char* column : canvas_identity) record.text(field_of(entry, column));
    for (const auto& a : grades.assignments) score_cell(record, score_of(grades, student, a.id));
    out << record;
  }
}

void write_moodle(std::ostream& out, const TermGrades& grades, const Roster* roster,
                  const std::vector<std::string>& students) {
  std::vector<std::string> identity = roster ? identity_columns(*roster) : std::vector<std::string>{};
  const bool own_columns = !identity.empty();
  if (!own_columns) identity = {"username", "name", "email"};  // the student's id as the username
  CsvRecord header;
  for (const auto& column : identity) header.text(column);
  for (const auto& a : grades.assignments) header.text(a.title);
  out << header;
  for (const auto& student : students) {
    CsvRecord record;
    if (own_columns) {
      const RosterStudent& entry = *roster_entry(roster, student);
      for (const auto& column : identity) record.text(field_of(entry, column));
    } else {
      const auto [name, email] = name_and_email(grades, roster, student);
      record.text(student).text(name).text(email);
    }
    for (const auto& a : grades.assignments) score_cell(record, score_of(grades, student, a.id));
    out << record;
  }
}

std::optional<double> total_of(const TermGrades& grades, const std::string& student) {
  std::optional<double> total;
  for (const auto& a : grades.assignments)
    if (const auto score = score_of(grades, student, a.id)) total = total.value_or(0) + *score;
  return total;
}

double max_total(const TermGrades& grades) {
  double max = 0;
  for (const auto& a : grades.assignments) max += a.max_score;
  return max;
}

void write_plain_csv(std::ostream& out, const TermGrades& grades, const Roster* roster,
                     const std::vector<std::string>& students) {
  CsvRecord header;
  header.text("student").text("name").text("email");
  for (const auto& a : grades.assignments) header.text(a.id);
  out << header.text("total").text("max_total");
  for (const auto& student : students) {
    const auto [name, email] = name_and_email(grades, roster, student);
    CsvRecord record;
    record.text(student).text(name).text(email);
    for (const auto& a : grades.assignments) score_cell(record, score_of(grades, student, a.id));
    score_cell(record, total_of(grades, student)).number(max_total(grades));
    out << record;
  }
}

void write_plain_json(std::ostream& out, const TermGrades& grades, const Roster* roster,
                      const std::vector<std::string>& students) {
  const auto number = [](const std::optional<double>& value) { return value ? Json(*value) : Json(); };
  Json json;
  json["schema"] = "mathlings.term-grades/1";
  json["assignments"] = Json::array();
  for (const auto& a : grades.assignments)
    json["assignments"].push_back({{"id", a.id}, {"title", a.title}, {"max_score", a.max_score}});
  json["max_total"] = max_total(grades);
  json["students"] = Json::array();
  for (const auto& student : students) {
    const auto [name, email] = name_and_email(grades, roster, student);
    Json scores = Json::object();
    for (const auto& a : grades.assignments) scores[a.id] = number(score_of(grades, student, a.id));
    json["students"].push_back({{"student", student},
                                {"name", name},
                                {"email", email},
                                {"scores", std::move(scores)},
                                {"total", number(total_of(grades, student))}});
  }
  out << json_text(json, {{{"", JsonForm::lines, {"assignments", "max_total", "students"}},
                           {"/assignments", JsonForm::lines},
                           {"/students", JsonForm::lines},
                           {"/assignments/*", JsonForm::spaced},
                           {"/students/*", JsonForm::spaced}}})
      << "\n";
}

}  // namespace

TermGrades term_grades(const std::vector<CurrentGrade>& grades, const std::optional<Term>& term, const Course* course) {
  TermGrades out;
  std::map<std::string, double> max_of;
  std::map<std::string, std::int64_t> latest;  // an assignment's points: those of its latest grading
  for (const auto& g : grades) {
    out.scores[g.student][g.assignment] = g.score;
    if (!latest.count(g.assignment) || g.id > latest[g.assignment]) {
      latest[g.assignment] = g.id;
      max_of[g.assignment] = g.max_score;
    }
    auto& [name, email] = out.name_and_email[g.student];  // a batch without a roster recorded none
    if (!g.name.empty()) name = g.name;
    if (!g.email.empty()) email = g.email;
  }
  std::set<std::string> placed;
  if (term) {
    for (const auto& a : term->assignments) {
      // Not graded yet: its points as the course has them, so Canvas's Points Possible is right from the start.
      const double points = max_of.count(a.id) ? max_of[a.id]
                            : course           ? course_max_score(*course_part(*course, a.exercises))
                                               : 0;
      out.assignments.push_back({a.id, a.title, a.canvas_id, points});
      placed.insert(a.id);
    }
  }
  for (const auto& [id, max] : max_of)
    if (!placed.count(id)) out.assignments.push_back({id, id.empty() ? "Whole course" : id, "", max});
  return out;
}

ExportFormat export_format(const std::string& name) {
  if (name == "canvas") return ExportFormat::canvas;
  if (name == "moodle") return ExportFormat::moodle;
  if (name == "csv") return ExportFormat::csv;
  if (name == "json") return ExportFormat::json;
  throw UsageError("no export format '" + one_line(name) + "': canvas, moodle, csv or json");
}

ExportSummary write_export(std::ostream& out, ExportFormat format, const TermGrades& grades, const Roster* roster) {
  if (format == ExportFormat::canvas && (!roster || roster->format != "Canvas gradebook export")) {
    throw UsageError(
        "a Canvas export needs the class's Canvas gradebook export as --roster: Canvas matches students by its own "
        "ID, SIS User ID and SIS Login ID, which only that file holds (Grades → Export in Canvas: its header is "
        "Student, ID, SIS User ID, SIS Login ID, Section, …)" +
        std::string(roster ? "; the roster given is a " + roster->format : ""));
  }
  ExportSummary summary;
  const std::vector<std::string> students = exported_students(grades, roster, summary);
  summary.students = students.size();
  if (roster && !grades.scores.empty() && summary.never_graded.size() == roster->students.size()) {
    throw UsageError("none of the roster's " + std::to_string(roster->students.size()) +
                     " students has a grading in the gradebook (it has " +
                     one_line(list_names(summary.not_on_roster, 5)) +
                     "): the roster's ids must be the ones the batches graded under — give the roster the "
                     "batches were given, or one whose id column holds the same names");
  }
  switch (format) {
    case ExportFormat::canvas: write_canvas(out, grades, *roster, students); break;
    case ExportFormat::moodle: write_moodle(out, grades, roster, students); break;
    case ExportFormat::csv: write_plain_csv(out, grades, roster, students); break;
    case ExportFormat::json: write_plain_json(out, grades, roster, students); break;
  }
  return summary;
}

}  // namespace mathlings
