#include <algorithm>
#include <cstdio>
#include <sstream>

#include "base/text.hpp"
#include "report/report.hpp"

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

std::string exercise_mark(ExerciseStatus s, const Paint& paint) {
  switch (s) {
    case ExerciseStatus::passed: return paint("32", "✓");
    case ExerciseStatus::partial: return paint("33", "◐");
    case ExerciseStatus::not_attempted: return paint("2", "·");
    case ExerciseStatus::not_graded: return paint("33", "?");
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
    case ExerciseStatus::not_graded: return "could not grade";
  }
  return "";
}

}  // namespace

void write_exercise_text(std::ostream& out, const Course& course, const ExerciseResult& ex, const TextStyle& style) {
  const Paint paint{style.colour};
  const Exercise& exercise = course.find(ex.id);
  char line[160];
  std::snprintf(line, sizeof line, "%-24s %9s  ", exercise.name.c_str(), points(ex.score, ex.max_score).c_str());
  out << "  " << exercise_mark(ex.status, paint) << " " << line << status_words(ex.status) << "\n";
  if (ex.status == ExerciseStatus::compile_error || ex.status == ExerciseStatus::rejected) {
    out << wrap_text(ex.message, "      ", std::string::npos);  // the compiler's own layout, carets and all
    return;
  }
  if (ex.status == ExerciseStatus::not_graded) {
    out << wrap_text(ex.message, "      ", style.width);
    return;
  }
  for (const auto& t : ex.tests) {
    const bool shown = t.status != TestStatus::passed && t.status != TestStatus::not_implemented;
    if (!shown && !(style.verbose_passes && t.status == TestStatus::passed)) continue;
    out << "      " << (t.status == TestStatus::passed ? paint("32", "✓") : paint("31", "✗")) << " " << t.name
        << (t.hidden ? " [hidden]" : "") << " (" << points(t.score, t.max_score) << ", " << to_string(t.status)
        << ")\n";
    if (!t.message.empty()) out << wrap_text(t.message, "          ", style.width);
  }
  if (ex.status == ExerciseStatus::partial || ex.status == ExerciseStatus::failed) {
    if (!exercise.taught_at.empty()) out << paint("2", wrap_text("Read: " + exercise.taught_at, "      ", style.width));
  }
}

void write_text(std::ostream& out, const Course& course, const SubmissionResult& result, const TextStyle& style) {
  const Paint paint{style.colour};
  for (const auto& note : result.notes) out << paint("33", wrap_text("Note: " + note, "", style.width));
  if (!result.notes.empty()) out << "\n";
  std::string current_lesson;
  for (const auto& ex : result.exercises) {
    const Exercise& exercise = course.find(ex.id);
    if (exercise.lesson->id != current_lesson) {
      current_lesson = exercise.lesson->id;
      out << paint("1", wrap_text(exercise.lesson->id + " — " + exercise.lesson->title, "", style.width));
    }
    write_exercise_text(out, course, ex, style);
  }
  const std::size_t passed = static_cast<std::size_t>(
      std::count_if(result.exercises.begin(), result.exercises.end(),
                    [](const ExerciseResult& e) { return e.status == ExerciseStatus::passed; }));
  out << "\n"
      << paint("1", "Score: " + points(result.score(), result.max_score())) << " — " << passed << " of "
      << result.exercises.size() << " exercises passed\n";
  const auto not_graded = std::count_if(result.exercises.begin(), result.exercises.end(),
                                        [](const ExerciseResult& e) { return e.status == ExerciseStatus::not_graded; });
  if (not_graded > 0) {
    out << paint("33", wrap_text(std::to_string(not_graded) + (not_graded == 1 ? " exercise" : " exercises") +
                                     " could not be graded, the machine being too busy: the score is not final. "
                                     "Grade again.",
                                 "", style.width));
  }
}

}  // namespace mathlings
