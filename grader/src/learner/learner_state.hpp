// The learner's small state file, <course>/.mathlings/state.yaml: how many
// hints of each exercise were shown, and the outcome of the last check of each
// exercise together with a hash of the file that was checked, so that `list`
// can tell a stale result from a current one without compiling anything.
//
// Several commands may run at once on one course (watch in one terminal,
// check in another), so nobody writes a state they read earlier: every change
// goes through update(), which reads the file, applies the change and writes
// it back while holding a lock on state.yaml.lock beside it. The file is
// replaced by a rename, so a reader (or a crash) never sees half of one.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/result.hpp"

namespace mathlings {

struct CheckedExercise {
  std::string file_hash;
  std::string status;
  double score = 0;
  double max_score = 0;
};

/// A hint as shown: the number-th of total.
struct ShownHint {
  int number = 0;
  int total = 0;
  std::string text;
  int remaining() const { return total - number; }
};

struct LearnerState {
  std::map<std::string, int> hints_shown;
  std::map<std::string, CheckedExercise> checked;

  static std::filesystem::path path_for(const std::filesystem::path& course_root);
  /// A missing or unreadable state file is an empty state (and says so on
  /// stderr). Needs no lock: the file is only ever replaced whole.
  static LearnerState load(const std::filesystem::path& file);
  /// Reads the file, lets `change` edit the state and writes the result back,
  /// all under the state's lock: what other commands wrote meanwhile is kept.
  /// Returns the state as written.
  static LearnerState update(const std::filesystem::path& file, const std::function<void(LearnerState&)>& change);
  /// The next hint of an exercise (the last one again once all were shown).
  ShownHint next_hint(const std::string& exercise_id, const std::vector<std::string>& hints);

 private:
  void save(const std::filesystem::path& file) const;
};

}  // namespace mathlings
