// What a batch output knows about itself, in DIR/shard.json: which shard of
// how many it grades, against which version of the course, the whole class
// as that run saw it (every student and the shard each belongs to), and
// whether the run finished.
//
// It is what lets `merge` tell a whole class from part of one: a shard whose
// task failed, was cancelled or never ran is named — with the students it
// holds, taken from any other shard's list — instead of a partial gradebook
// passing for a whole one. It is written when a batch starts (finished:
// false) and again when it ends.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mathlings {

struct ClassMember {
  std::string student;
  unsigned shard = 1;
  std::string name, email;  ///< from the roster, when there is one
};

struct ShardManifest {
  unsigned shard = 1;
  unsigned shards = 1;
  std::string course;      ///< the course's fingerprint: what its grades were computed against
  std::string assignment;  ///< the assignment of term.yaml it was graded for; empty: the whole course
  std::string roster;      ///< the roster the batch was given, absolute; empty: none (or a merge)
  bool finished = false;
  std::vector<ClassMember> members;  ///< the whole class, every shard's students
};

inline constexpr const char* shard_manifest_name = "shard.json";

void write_shard_manifest(const std::filesystem::path& output, const ShardManifest& manifest);

/// The manifest of the batch output `output`, or nothing when it has none.
/// Throws GraderError naming the file when it is damaged.
std::optional<ShardManifest> read_shard_manifest(const std::filesystem::path& output);

}  // namespace mathlings
