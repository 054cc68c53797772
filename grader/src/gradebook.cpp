#include "gradebook.hpp"

#include "class_report.hpp"

#include <fstream>
#include <sstream>

#include "files.hpp"
#include "format.hpp"
#include "report.hpp"

namespace mathlings {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

double course_max(const Course& course) {
  double max = 0;
  for (const auto* e : course.exercises()) max += e->spec.max_score();
  return max;
}

const ExerciseResult* find_exercise(const StudentRow& row, const std::string& id) {
  for (const auto& e : row.result.exercises)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace

void write_gradebook_csv(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows) {
  out << "student,status,score,max_score";
  for (const auto* e : course.exercises()) out << "," << csv_field(e->id);
  out << ",message\n";
  for (const auto& row : rows) {
    const bool graded = row.status == "graded";
    out << csv_field(row.student) << "," << row.status << "," << (graded ? format_number(row.result.score()) : "0")
        << "," << format_number(course_max(course));
    for (const auto* e : course.exercises()) {
      const ExerciseResult* r = find_exercise(row, e->id);
      out << "," << (r ? format_number(r->score) : "0");
    }
    out << "," << csv_field(row.message) << "\n";
  }
}

void write_gradebook_json(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows) {
  out << "{\n  \"schema\": \"mathlings.gradebook/1\",\n  \"course\": " << json_string(course.title)
      << ",\n  \"max_score\": " << format_number(course_max(course)) << ",\n  \"students\": [";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& row = rows[k];
    out << (k ? "," : "") << "\n    { \"student\": " << json_string(row.student)
        << ", \"status\": " << json_string(row.status)
        << ", \"score\": " << format_number(row.status == "graded" ? row.result.score() : 0)
        << ",\n      \"message\": " << json_string(row.message) << ",\n      \"exercises\": {";
    bool first = true;
    for (const auto* e : course.exercises()) {
      const ExerciseResult* r = find_exercise(row, e->id);
      out << (first ? "" : ", ") << json_string(e->id)
          << ": { \"status\": " << json_string(r ? std::string(to_string(r->status)) : "not_graded")
          << ", \"score\": " << format_number(r ? r->score : 0) << " }";
      first = false;
    }
    out << "} }";
  }
  out << (rows.empty() ? "" : "\n  ") << "]\n}\n";
}

void write_feedback(std::ostream& out, const Course& course, const StudentRow& row) {
  out << "# Feedback for " << row.student << "\n\n";
  if (row.status == "missing") {
    out << "No submission of yours was found among the class's hand-ins. If you did hand one in, please tell your "
           "instructor.\n";
    return;
  }
  if (row.status != "graded") {
    out << "Your submission could not be graded: " << row.message << "\n\nPlease ask your instructor.\n";
    return;
  }
  out << "**Score: " << format_number(row.result.score()) << " / " << format_number(row.result.max_score()) << "**\n";
  for (const auto& note : row.result.notes) out << "\n> **Note:** " << valid_utf8(note) << "\n";
  for (const auto& e : row.result.exercises) {
    out << "\n## " << e.id << " — " << format_number(e.score) << "/" << format_number(e.max_score) << " ("
        << to_string(e.status) << ")\n\n";
    if (e.status == ExerciseStatus::not_attempted) {
      out << "Not attempted.\n";
      continue;
    }
    if (e.status == ExerciseStatus::compile_error || e.status == ExerciseStatus::rejected) {
      out << "```\n" << valid_utf8(e.message) << (e.message.ends_with("\n") ? "" : "\n") << "```\n";
    } else {
      for (const auto& t : e.tests) {
        out << "- " << (t.status == TestStatus::passed ? "✓" : "✗") << " " << t.name << " — " << format_number(t.score)
            << "/" << format_number(t.max_score);
        if (t.status == TestStatus::passed) {
          out << "\n";
          continue;
        }
        out << " (" << to_string(t.status) << ")\n\n  ```\n";
        std::istringstream lines(valid_utf8(t.message));
        for (std::string line; std::getline(lines, line);) out << "  " << line << "\n";
        out << "  ```\n";
      }
    }
    if (e.status != ExerciseStatus::passed) {
      const Exercise& exercise = course.find(e.id);
      out << "\nHint: " << exercise.spec.hints.front() << " (lesson: lessons/" << exercise.lesson->id
          << "/README.md)\n";
    }
  }
}

void write_class_outputs(const std::filesystem::path& dir, const Course& course, const std::vector<StudentRow>& rows) {
  std::ostringstream csv, json;
  write_gradebook_csv(csv, course, rows);
  write_gradebook_json(json, course, rows);
  write_file_atomically(dir / "gradebook.csv", csv.str());
  write_file_atomically(dir / "gradebook.json", json.str());
  for (const auto& row : rows) {
    std::ostringstream feedback;
    write_feedback(feedback, course, row);
    write_file_atomically(dir / "feedback" / (row.student + ".md"), feedback.str());
  }
  write_class_report(dir, course, rows);
}

}  // namespace mathlings
