#include <algorithm>
#include <cstdio>
#include <sstream>

#include "files.hpp"
#include "format.hpp"
#include "lesson_document.hpp"
#include "report.hpp"

namespace mathlings {
namespace {

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  }
};

std::string points(double score, double max) {
  return format_number(score) + "/" + format_number(max);
}

/// Display columns of UTF-8 text (one per code point: no wide characters here).
std::size_t columns(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Each line of `text` after `prefix`, long lines broken at spaces to fit
/// `width` columns (continuations indented two more).
std::string indent(const std::string& text, const std::string& prefix, std::size_t width = 80) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    std::string lead = prefix;
    while (columns(lead) + columns(line) > width) {
      const std::size_t room = width > columns(lead) + 20 ? width - columns(lead) : 20;
      // The byte offset of the last space within `room` columns.
      std::size_t cut = std::string::npos, seen = 0;
      for (std::size_t i = 0; i < line.size() && seen <= room; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++seen;
        if (line[i] == ' ' && seen <= room && i > 0) cut = i;
      }
      if (cut == std::string::npos) break;  // one long word: leave it whole
      out += lead + line.substr(0, cut) + "\n";
      line = line.substr(cut + 1);
      lead = prefix + "  ";
    }
    out += lead + line + "\n";
  }
  return out;
}

std::string exercise_mark(ExerciseStatus s, const Paint& paint) {
  switch (s) {
    case ExerciseStatus::passed: return paint("32", "✓");
    case ExerciseStatus::partial: return paint("33", "◐");
    case ExerciseStatus::not_attempted: return paint("2", "·");
    default: return paint("31", "✗");
  }
}

std::string status_words(ExerciseStatus s) {
  switch (s) {
    case ExerciseStatus::passed: return "passed";
    case ExerciseStatus::partial: return "partly right";
    case ExerciseStatus::failed: return "failed";
    case ExerciseStatus::not_attempted: return "not attempted";
    case ExerciseStatus::compile_error: return "compile error";
    case ExerciseStatus::rejected: return "rejected";
  }
  return "";
}

/// Where the lesson explains an exercise: "lessons/01-…/README.md § Pivoting …".
std::string lesson_pointer(const Course& course, const Exercise& exercise) {
  const fs::path document = course.lesson_document(*exercise.lesson);
  std::error_code ec;
  if (!fs::is_regular_file(document, ec)) return {};
  std::string pointer = fs::relative(document, course.root, ec).string();
  const auto sections = exercise_sections(read_file(document), exercise.name);
  for (std::size_t k = 0; k < sections.size(); ++k) pointer += (k ? "; § " : ", § ") + sections[k];
  return pointer + " (or: mathlings lesson " + exercise.id + ")";
}

}  // namespace

void write_text(std::ostream& out, const Course& course, const SubmissionResult& result, const TextStyle& style) {
  const Paint paint{style.colour};
  std::string current_lesson;
  for (const auto& ex : result.exercises) {
    const Exercise& exercise = course.find(ex.id);
    if (exercise.lesson->id != current_lesson) {
      current_lesson = exercise.lesson->id;
      out << paint("1", indent(exercise.lesson->id + " — " + exercise.lesson->title, ""));
    }
    char line[160];
    std::snprintf(line, sizeof line, "%-24s %9s  ", exercise.name.c_str(), points(ex.score, ex.max_score).c_str());
    out << "  " << exercise_mark(ex.status, paint) << " " << line << status_words(ex.status) << "\n";
    if (ex.status == ExerciseStatus::compile_error || ex.status == ExerciseStatus::rejected) {
      out << indent(ex.message, "      ", std::string::npos);  // the compiler's own layout, carets and all
      continue;
    }
    for (const auto& t : ex.tests) {
      const bool shown = t.status != TestStatus::passed && t.status != TestStatus::not_implemented;
      if (!shown && !(style.verbose_passes && t.status == TestStatus::passed)) continue;
      out << "      " << (t.status == TestStatus::passed ? paint("32", "✓") : paint("31", "✗")) << " " << t.name
          << (t.hidden ? " [hidden]" : "") << " (" << points(t.score, t.max_score) << ", " << to_string(t.status)
          << ")\n";
      if (!t.message.empty()) out << indent(t.message, "          ");
    }
    if (ex.status == ExerciseStatus::partial || ex.status == ExerciseStatus::failed) {
      if (const std::string pointer = lesson_pointer(course, exercise); !pointer.empty())
        out << paint("2", indent("Read: " + pointer, "      "));
    }
  }
  const std::size_t passed = static_cast<std::size_t>(
      std::count_if(result.exercises.begin(), result.exercises.end(),
                    [](const ExerciseResult& e) { return e.status == ExerciseStatus::passed; }));
  out << "\n"
      << paint("1", "Score: " + points(result.score(), result.max_score())) << " — " << passed << " of "
      << result.exercises.size() << " exercises passed\n";
}

}  // namespace mathlings
