// `mathlings batch ROOT --output DIR`: grades a whole class.
//
// Each entry of ROOT is one student: a folder laid out like exercises/, or a
// .zip / .tar.gz of one. Students are graded in parallel, each by the same
// grader (so identical files compile once and reference results are computed
// once). Every student gets a row whatever happens to their submission, and
// every finished student's result is written to DIR/results/<student>.json at
// once, keyed by a hash of the submission and the course: a batch that is
// interrupted and run again picks up where it stopped. --shard K/N grades a
// stable K-th of N slices, and `mathlings merge` (merge.hpp) joins the slices'
// outputs; DIR/shard.json (shard_manifest.hpp) says which slice DIR holds.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "classroom/gradebook.hpp"
#include "classroom/similarity.hpp"
#include "judge/grading.hpp"
#include "model/term.hpp"

namespace mathlings {

struct BatchOptions {
  std::filesystem::path root;
  std::filesystem::path output;
  unsigned jobs = 1;
  unsigned shard = 1;   ///< K of --shard K/N
  unsigned shards = 1;  ///< N
  /// An assignment of term.yaml: only its exercises are graded and written
  /// (files are found and graded against the whole course all the same), its
  /// id is recorded in shard.json, and each student's hand-in time is looked
  /// up (hand_in_time.hpp) and judged by its late policy. None: the whole
  /// course, with no deadline.
  std::optional<Assignment> assignment;
  /// Who should have handed something in (see roster.hpp): each gets a row,
  /// "missing" when ROOT holds nothing of theirs.
  std::optional<std::filesystem::path> roster;
};

struct BatchSummary {
  std::vector<StudentRow> rows;
  int graded = 0;
  int resumed = 0;
  int not_graded = 0;                ///< unreadable, grader errors, or missing
  std::vector<std::string> missing;  ///< on the roster, nothing in ROOT (this shard's)
  /// Not graded, the machine being too busy (a grader's status, never a
  /// grade): a batch run again grades them again.
  std::vector<std::string> machine_busy;
  std::vector<std::string> not_on_roster;  ///< in ROOT, not on the roster (graded all the same)
  /// After the course changed: how many students kept part of an earlier
  /// result, and each exercise graded again for them, with how many.
  int partly_kept = 0;
  std::map<std::string, int> graded_again;
  /// Pairs of this run's students whose files are unusually alike (similarity.hpp).
  SimilarityReport similarity;
};

BatchSummary run_batch(const Course& course, Toolchain& toolchain, const BatchOptions& options, std::ostream& progress,
                       bool progress_is_terminal);

/// Which of `shards` slices a student belongs to (1-based): stable when
/// students are added or removed.
unsigned shard_of(const std::string& student, unsigned shards);

}  // namespace mathlings
