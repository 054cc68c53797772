#include "learner/reset.hpp"

#include <chrono>
#include <ctime>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "learner/learner_state.hpp"
#include "model/single_source.hpp"

namespace mathlings {

std::string pristine_stub(const Course& course, const Exercise& exercise) {
  const fs::path kept = course.root / "stubs" / exercise.relative_file();
  if (fs::is_regular_file(kept)) return read_file(kept);
  const fs::path solution = course.solutions_dir() / exercise.relative_file();
  if (fs::is_regular_file(solution)) return generate_stub(read_file(solution), exercise.relative_file().string());
  throw CourseError("no stub of " + exercise.id + " to restore: neither stubs/" + exercise.relative_file().string() +
                    " nor its solution is here");
}

ResetOutcome reset_exercise(const Course& course, const Exercise& exercise) {
  const std::string stub = pristine_stub(course, exercise);
  const fs::path file = course.exercises_dir() / exercise.relative_file();
  ResetOutcome outcome;
  if (fs::is_regular_file(file)) {
    const std::string current = read_file(file);
    if (current == stub) return outcome;
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    fs::path backup = LearnerState::path_for(course.root).parent_path() / "backups" / exercise.lesson->id /
                      (exercise.name + "-" + stamp + ".cpp");
    for (int n = 2; fs::exists(backup); ++n) {  // two resets within a second
      backup.replace_filename(exercise.name + "-" + stamp + "-" + std::to_string(n) + ".cpp");
    }
    fs::create_directories(backup.parent_path());
    write_file_atomically(backup, current);
    outcome.backup = backup;
  }
  fs::create_directories(file.parent_path());
  write_file_atomically(file, stub);
  outcome.changed = true;
  return outcome;
}

std::string missing_file_advice(const Course& course, const Exercise& exercise) {
  if (fs::exists(course.exercises_dir() / exercise.relative_file())) return "";
  return "exercises/" + exercise.relative_file().string() + " is missing: run `mathlings reset " + exercise.id +
         "` to get the stub back.\n";
}

}  // namespace mathlings
