#include "classroom/gradebook.hpp"

#include "classroom/class_report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "base/csv.hpp"
#include "base/files.hpp"
#include "base/json.hpp"
#include "base/text.hpp"
#include "report/feedback_page.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

const ExerciseResult* find_exercise(const StudentRow& row, const std::string& id) {
  for (const auto& e : row.result.exercises)
    if (e.id == id) return &e;
  return nullptr;
}

/// Whatever to_string gives, so that a status added to ExerciseStatus
/// reaches the gradebook as it is; without a result, why the row has none
/// ("missing", "unreadable", …).
std::string exercise_status(const StudentRow& row, const ExerciseResult* r) {
  return r ? std::string(to_string(r->status)) : row.status;
}

/// What the grader could not finish has no score: an empty cell, not a 0
/// that a spreadsheet would add up.
bool no_score(const StudentRow& row, const ExerciseResult* r) {
  return r ? r->status == ExerciseStatus::not_graded : row.status == "not_graded" || row.status == "grader_error";
}

/// Text a student chose (a folder's name, a file named in a note, an archive
/// entry) as Markdown shows it, literally: the punctuation that could make a
/// link, an autolink, an image, an entity or code is escaped, and
/// control characters, which could end the line, are shown as '?'.
std::string markdown_literal(const std::string& text) {
  std::string out;
  for (char c : valid_utf8(text)) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += '?';
      continue;
    }
    if (std::string_view("\\`*[]<>&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

/// A fence for a code block that no line of `code` can close: longer than
/// any run of backticks in it.
std::string code_fence(const std::string& code) {
  std::size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

/// The hand-in paragraph of a student's feedback.
void write_hand_in(std::ostream& out, const Assignment& assignment, const StudentRow& row) {
  const Moment due = due_for(assignment, row.student);
  const std::string due_text =
      "due " + format_moment(due) + (assignment.extensions.count(row.student) ? " (your extension)" : "");
  if (!row.handed_in || !row.late) {
    out << "\nNo hand-in time could be found for your submission"
        << (row.no_hand_in_time.empty() ? "" : " (" + markdown_literal(row.no_hand_in_time) + ")")
        << ", so no late penalty applies (" << due_text << ").\n";
    return;
  }
  out << "\nHanded in " << written_as_due(row.handed_in->at, due) << " ("
      << describe_hand_in_source(row.handed_in->source) << "): ";
  if (row.late->minutes_late == 0) {
    out << (row.handed_in->at.epoch_seconds > due.epoch_seconds ? "on time, within the grace period" : "on time")
        << "; " << due_text << ".\n";
  } else {
    out << format_delay(row.late->minutes_late) << " late; " << due_text << ".\n";
  }
}

}  // namespace

void apply_late_policy(std::vector<StudentRow>& rows, const Assignment& assignment) {
  for (auto& row : rows) {
    row.late.reset();
    if (row.handed_in && (row.status == "graded" || row.status == "not_graded"))
      row.late = lateness(assignment, row.student, row.handed_in->at);
  }
}

void write_gradebook_csv(std::ostream& out, const Course& course, const Assignment* assignment,
                         const std::vector<StudentRow>& rows) {
  CsvRecord header;
  header.text("student").text("name").text("email").text("status").text("score").text("max_score");
  if (assignment) {
    for (const char* column : {"score_before_penalty", "penalty", "minutes_late", "handed_in", "handed_in_from", "due"})
      header.text(column);
  }
  for (const auto* e : course.exercises()) header.text(e->id).text(e->id + " status");
  out << header.text("message");
  const auto number_or_empty = [](CsvRecord& record, std::optional<double> value) -> CsvRecord& {
    return value ? record.number(*value) : record.text("");
  };
  for (const auto& row : rows) {
    CsvRecord record;
    record.text(row.student).text(row.name).text(row.email).text(row.status);
    number_or_empty(record, gradebook_score(row)).number(course_max_score(course));
    if (assignment) {
      const Moment due = due_for(*assignment, row.student);
      number_or_empty(record, score_before_penalty(row));
      number_or_empty(record, row.late ? std::optional(row.late->penalty) : std::nullopt);
      number_or_empty(record, row.late ? std::optional(double(row.late->minutes_late)) : std::nullopt);
      record.text(row.handed_in ? written_as_due(row.handed_in->at, due) : "")
          .text(row.handed_in ? row.handed_in->source : "")
          .text(format_moment(due));
    }
    for (const auto* e : course.exercises()) {
      const ExerciseResult* r = find_exercise(row, e->id);
      if (no_score(row, r))
        record.text("");
      else
        record.number(r ? r->score : 0);
      record.text(exercise_status(row, r));
    }
    out << record.text(row.message);
  }
}

void write_gradebook_json(std::ostream& out, const Course& course, const Assignment* assignment,
                          const std::vector<StudentRow>& rows) {
  // A student a line, then their message, their hand-in, their exercises on one line.
  static const JsonLayout layout{{{"", JsonForm::lines, {"course", "max_score", "students"}},
                                  {"/students", JsonForm::lines},
                                  {"/students/*", JsonForm::spaced, {"message", "hand_in", "exercises"}},
                                  {"/students/*/exercises/*", JsonForm::spaced}}};
  const auto score = [](bool none, double value) { return none ? Json() : Json(value); };  // null: no score
  Json json;
  json["schema"] = "mathlings.gradebook/1";
  json["course"] = course.title;
  if (assignment) json["assignment"] = assignment->id;
  json["max_score"] = course_max_score(course);
  json["students"] = Json::array();
  for (const auto& row : rows) {
    Json student;
    student["student"] = row.student;
    student["name"] = row.name;
    student["email"] = row.email;
    student["status"] = row.status;
    const std::optional<double> total = gradebook_score(row);
    student["score"] = score(!total, total.value_or(0));
    student["message"] = row.message;
    if (assignment) {
      const Moment due = due_for(*assignment, row.student);
      Json hand_in{{"due", format_moment(due)}, {"extended", assignment->extensions.count(row.student) > 0}};
      const std::optional<double> before = score_before_penalty(row);
      hand_in["score_before_penalty"] = score(!before, before.value_or(0));
      if (!row.no_hand_in_time.empty()) hand_in["why_none"] = row.no_hand_in_time;
      if (row.handed_in && row.late) {
        hand_in["at"] = written_as_due(row.handed_in->at, due);
        hand_in["from"] = row.handed_in->source;
        hand_in["detail"] = row.handed_in->detail;
        hand_in["minutes_late"] = row.late->minutes_late;
        hand_in["days_late"] = row.late->days_late;
        hand_in["penalty"] = row.late->penalty;
      }
      student["hand_in"] = std::move(hand_in);
    }
    student["exercises"] = Json::object();
    for (const auto* e : course.exercises()) {
      const ExerciseResult* r = find_exercise(row, e->id);
      student["exercises"][e->id] = {{"status", exercise_status(row, r)},
                                     {"score", score(no_score(row, r), r ? r->score : 0)}};
    }
    json["students"].push_back(std::move(student));
  }
  out << json_text(json, layout) << "\n";
}

void write_feedback(std::ostream& out, const Course& course, const Assignment* assignment, const StudentRow& row) {
  out << "# Feedback for " << markdown_literal(row.student) << "\n\n";
  if (row.status == "missing") {
    out << "No submission of yours was found among the class's hand-ins. If you did hand one in, please tell your "
           "instructor.\n";
    return;
  }
  if (row.status == "not_graded") {
    out << "**Not final:** some of your exercises could not be graded, the machine being too busy — no fault of "
           "your code. They will be graded again.\n\n";
  } else if (row.status != "graded") {
    out << "Your submission could not be graded: " << markdown_literal(row.message)
        << "\n\nPlease ask your instructor.\n";
    return;
  }
  if (row.late && row.late->penalty > 0 && row.status == "graded") {
    out << "**Score: " << format_number(gradebook_score(row).value_or(0)) << " / "
        << format_number(row.result.max_score()) << "** — " << format_number(row.result.score())
        << " as graded, less a late penalty of " << format_percent(row.late->penalty, 2) << " (" << row.late->days_late
        << (row.late->days_late == 1 ? " day" : " days") << " or part of one late"
        << (assignment && row.late->penalty == assignment->penalty_cap &&
                    std::round(static_cast<double>(row.late->days_late) * assignment->penalty_per_day * 1e6) / 1e6 >
                        assignment->penalty_cap
                ? ", at most " + format_percent(row.late->penalty, 2)
                : "")
        << ")\n";
  } else {
    out << "**Score: " << format_number(row.result.score()) << " / " << format_number(row.result.max_score()) << "**\n";
  }
  if (assignment) write_hand_in(out, *assignment, row);
  for (const auto& note : row.result.notes) out << "\n> **Note:** " << markdown_literal(note) << "\n";
  for (const auto& e : row.result.exercises) {
    out << "\n## " << e.id << " — " << format_number(e.score) << "/" << format_number(e.max_score) << " ("
        << to_string(e.status) << ")\n\n";
    if (e.status == ExerciseStatus::not_attempted) {
      out << "Not attempted.\n";
      continue;
    }
    if (e.status == ExerciseStatus::not_graded) {
      out << markdown_literal(e.message) << "\n";
      continue;
    }
    if (e.status == ExerciseStatus::compile_error || e.status == ExerciseStatus::rejected) {
      const std::string message = valid_utf8(e.message);
      const std::string fence = code_fence(message);
      out << fence << "\n" << message << (message.ends_with("\n") ? "" : "\n") << fence << "\n";
    } else {
      for (const auto& t : e.tests) {
        out << "- " << (t.status == TestStatus::passed ? "✓" : "✗") << " " << t.name << " — " << format_number(t.score)
            << "/" << format_number(t.max_score);
        if (t.status == TestStatus::passed) {
          out << "\n";
          continue;
        }
        const std::string message = valid_utf8(t.message);
        const std::string fence = code_fence(message);
        out << " (" << to_string(t.status) << ")\n\n  " << fence << "\n";
        std::istringstream lines(message);
        for (std::string line; std::getline(lines, line);) out << "  " << line << "\n";
        out << "  " << fence << "\n";
      }
    }
    if (e.status != ExerciseStatus::passed) {
      const Exercise& exercise = course.find(e.id);
      out << "\nHint: " << exercise.spec.hints.front() << " (lesson: lessons/" << exercise.lesson->id
          << "/README.md)\n";
    }
  }
}

void write_class_outputs(const std::filesystem::path& dir, const Course& course, const Assignment* assignment,
                         const std::vector<StudentRow>& rows, const SimilarityReport& similarity) {
  std::ostringstream csv, json;
  write_gradebook_csv(csv, course, assignment, rows);
  write_gradebook_json(json, course, assignment, rows);
  write_file_atomically(dir / "gradebook.csv", csv.str());
  write_file_atomically(dir / "gradebook.json", json.str());
  for (const auto& row : rows) {
    std::ostringstream feedback;
    write_feedback(feedback, course, assignment, row);
    write_file_atomically(dir / "feedback" / (row.student + ".md"), feedback.str());
    write_file_atomically(dir / "feedback" / (row.student + ".html"),
                          feedback_page(course.title, row.student, feedback.str()));
  }
  write_class_report(dir, course, rows, similarity);
}

int class_exit_status(const std::vector<StudentRow>& rows) {
  const auto any = [&](auto predicate) { return std::any_of(rows.begin(), rows.end(), predicate); };
  if (any([](const StudentRow& r) { return r.status == "not_graded"; })) return 2;
  return any([](const StudentRow& r) { return r.status != "graded"; }) ? 1 : 0;
}

double course_max_score(const Course& course) {
  double max = 0;
  for (const auto* e : course.exercises()) max += e->spec.max_score();
  return max;
}

std::optional<double> score_before_penalty(const StudentRow& row) {
  if (no_score(row, nullptr)) return std::nullopt;
  return row.status == "graded" ? row.result.score() : 0;
}

std::optional<double> gradebook_score(const StudentRow& row) {
  const std::optional<double> score = score_before_penalty(row);
  if (!score || !row.late || row.late->penalty == 0) return score;
  return std::round(*score * (1 - row.late->penalty) * 1e6) / 1e6;
}

}  // namespace mathlings
