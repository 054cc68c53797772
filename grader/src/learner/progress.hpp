// A learner's progress through the course, from the state file and the
// files as they are now: no compiling. Shown by `list` and at the top of
// `watch`, per exercise, per lesson and overall, with a bar.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "learner/learner_state.hpp"
#include "model/course.hpp"

namespace mathlings {

struct ExerciseProgress {
  const Exercise* exercise = nullptr;
  std::string status;    ///< a result status ("passed", "partial", …), "not checked yet" or "missing"
  bool changed = false;  ///< the file changed since it was last checked
  double score = 0;      ///< of the last check, if the file is unchanged
  double max_score = 0;
  bool passed() const { return status == "passed" && !changed; }
};

struct Progress {
  std::vector<ExerciseProgress> exercises;  ///< in course order
  double score = 0, max_score = 0;
  int passed = 0;
  static Progress of(const Course& course, const LearnerState& state);
  /// The first exercise not passed (nullptr when all are).
  const ExerciseProgress* first_unfinished() const;
};

/// The status as people read it: "not attempted", "partly right",
/// "passed, changed since" (the JSON result keeps "not_attempted").
std::string status_in_words(const ExerciseProgress& e);

/// "███████░░░░░░░" for a fraction in [0, 1], `width` cells wide.
std::string progress_bar(double fraction, int width);

struct ProgressStyle {
  bool colour = false;
  bool compact = false;  ///< one line per lesson instead of one per exercise
  std::string current;   ///< an exercise id to mark with ▶
};
/// At most 80 columns wide.
void write_progress(std::ostream& out, const Course& course, const Progress& progress, const ProgressStyle& style);

/// The learner's file of an exercise, its content hashed ("missing" if absent).
std::string exercise_file_hash(const std::filesystem::path& file);

}  // namespace mathlings
