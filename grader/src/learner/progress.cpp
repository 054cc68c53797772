#include "learner/progress.hpp"

#include <cmath>
#include <cstdio>

#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/text.hpp"

namespace mathlings {
namespace {

std::string paint(bool on, const char* code, const std::string& s) {
  return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
}

std::string mark(const ExerciseProgress& e, bool colour) {
  if (e.passed()) return paint(colour, "32", "✓");
  if (e.changed || e.status == "not checked yet") return paint(colour, "2", "·");
  if (e.status == "partial") return paint(colour, "33", "◐");
  if (e.status == "not_attempted" || e.status == "missing") return paint(colour, "2", "·");
  return paint(colour, "31", "✗");
}

}  // namespace

std::string status_in_words(const ExerciseProgress& e) {
  std::string s = e.status == "partial" ? "partly right" : e.status;
  for (auto& c : s)
    if (c == '_') c = ' ';
  return e.changed ? s + ", changed since" : s;
}

std::string exercise_file_hash(const std::filesystem::path& file) {
  return std::filesystem::is_regular_file(file) ? Hasher().add(read_file(file)).hex() : "missing";
}

Progress Progress::of(const Course& course, const LearnerState& state) {
  Progress progress;
  for (const auto* exercise : course.exercises()) {
    ExerciseProgress e;
    e.exercise = exercise;
    for (const auto& test : exercise->spec.tests)
      if (!test.hidden) e.max_score += test.points;  // hidden tests are graded by instructors only
    const fs::path file = course.exercises_dir() / exercise->relative_file();
    const auto checked = state.checked.find(exercise->id);
    if (!fs::exists(file)) {
      e.status = "missing";
    } else if (checked == state.checked.end()) {
      e.status = "not checked yet";
    } else {
      e.status = checked->second.status;
      e.changed = checked->second.file_hash != exercise_file_hash(file);
      e.score = e.changed ? 0 : checked->second.score;
      if (checked->second.max_score > 0) e.max_score = checked->second.max_score;
    }
    progress.score += e.score;
    progress.max_score += e.max_score;
    progress.passed += e.passed();
    progress.exercises.push_back(e);
  }
  return progress;
}

const ExerciseProgress* Progress::first_unfinished() const {
  for (const auto& e : exercises)
    if (!e.passed()) return &e;
  return nullptr;
}

std::string progress_bar(double fraction, int width) {
  if (!(fraction >= 0)) fraction = 0;
  const int full = static_cast<int>(std::lround(std::min(fraction, 1.0) * width));
  std::string bar;
  for (int k = 0; k < width; ++k) bar += k < full ? "█" : "░";
  return bar;
}

void write_progress(std::ostream& out, const Course& course, const Progress& progress, const ProgressStyle& style) {
  std::size_t at = 0;
  for (const auto& lesson : course.lessons) {
    double score = 0, max = 0;
    int passed = 0;
    const std::size_t first = at;
    for (std::size_t k = 0; k < lesson.exercises.size(); ++k, ++at) {
      score += progress.exercises[at].score;
      max += progress.exercises[at].max_score;
      passed += progress.exercises[at].passed();
    }
    char counts[64];
    std::snprintf(counts, sizeof counts, "%d/%zu done  %5s/%s", passed, lesson.exercises.size(),
                  format_number(score).c_str(), format_number(max).c_str());
    std::string title = lesson.id;
    if (title.size() > 28) title = title.substr(0, 27) + "…";
    char line[200];
    std::snprintf(line, sizeof line, "%-28s %s  %s", title.c_str(), progress_bar(max > 0 ? score / max : 0, 16).c_str(),
                  counts);
    out << (style.compact ? std::string(line) : paint(style.colour, "1", line)) << "\n";
    if (style.compact) continue;
    for (std::size_t k = first; k < at; ++k) {
      const auto& e = progress.exercises[k];
      const bool current = e.exercise->id == style.current;
      char row[200];
      std::snprintf(row, sizeof row, "%-24s %5s/%-4s ", e.exercise->name.c_str(), format_number(e.score).c_str(),
                    format_number(e.max_score).c_str());
      out << (current ? "▶ " : "  ") << mark(e, style.colour) << " " << row << status_in_words(e) << "\n";
    }
  }
  const double fraction = progress.max_score > 0 ? progress.score / progress.max_score : 0;
  char total[160];
  std::snprintf(total, sizeof total, "%-28s %s  %d/%zu done  %5s/%s", "overall", progress_bar(fraction, 16).c_str(),
                progress.passed, progress.exercises.size(), format_number(progress.score).c_str(),
                format_number(progress.max_score).c_str());
  out << paint(style.colour, "1", total) << "\n";
}

}  // namespace mathlings
