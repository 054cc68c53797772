// `mathlings merge`: the outputs of a class's shards joined into one
// gradebook — or a refusal naming what is missing.
//
// Each input is a batch output (it has results/ and shard.json) or a folder
// of them (a cluster run's shards/). From their shard.json files merge knows
// how many shards there are, which students each holds and whether it
// finished; a shard that is absent or did not finish makes the set
// incomplete. An incomplete set is refused, nothing written, unless asked to
// write what there is: then each student of a missing shard gets a
// not_graded row saying which shard to grade again, so the gap shows in the
// gradebook and no one silently drops out of it.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/errors.hpp"
#include "classroom/gradebook.hpp"
#include "model/term.hpp"

namespace mathlings {

struct MissingShard {
  unsigned shard = 0;
  std::string why;                    ///< "no output", "did not finish (3 of 5 students graded)"
  std::vector<std::string> students;  ///< those it holds that have no row
};

struct MergeSummary {
  unsigned shards = 0;
  std::string course_hash;  ///< course_fingerprint of the course merged
  std::vector<StudentRow> rows;
  std::vector<MissingShard> missing;  ///< written as not_graded rows (write_partial), else none
};

/// An incomplete set of shards, refused: what() names each missing shard.
/// mathlings exits with incomplete_shards_status, so that a merge job that
/// refused differs from one that wrote a gradebook with some students not
/// graded (2).
struct IncompleteShards : GraderError {
  using GraderError::GraderError;
};
inline constexpr int incomplete_shards_status = 3;

struct MergeRequest {
  std::vector<std::filesystem::path> inputs;  ///< batch outputs, or folders of them
  std::filesystem::path output;
  /// The term.yaml assignment the shards were graded for (the course given is
  /// its part): its late policy judges the hand-in times the shards found.
  /// None: the whole course. Shards of another are refused.
  std::optional<Assignment> assignment;
  bool write_partial = false;  ///< write an incomplete set, the gap marked
};

/// Joins the shards found in the inputs into the output. Throws
/// IncompleteShards (nothing written) when a shard is missing unless
/// write_partial; UsageError when the inputs are not batch outputs of one
/// class, course and assignment.
MergeSummary merge_shards(const Course& course, const MergeRequest& request, std::ostream& progress);

/// The rows a merge wrote into `output` (a cluster run reads them back once
/// its merge job has ended); empty when there was no merge there.
std::vector<StudentRow> read_merged_rows(const std::filesystem::path& output);

}  // namespace mathlings
