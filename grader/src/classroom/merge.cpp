#include "classroom/merge.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.hpp"
#include "classroom/batch.hpp"
#include "classroom/course_fingerprint.hpp"
#include "classroom/result_store.hpp"
#include "classroom/shard_manifest.hpp"

namespace mathlings {
namespace {

struct Shard {
  fs::path dir;
  ShardManifest manifest;
};

bool is_batch_output(const fs::path& dir) {
  return fs::exists(dir / shard_manifest_name) || fs::is_directory(dir / "results");
}

/// The batch outputs the inputs name: each input itself, or the batch
/// outputs directly inside it (in name order).
std::vector<fs::path> batch_outputs(const std::vector<fs::path>& inputs) {
  std::vector<fs::path> outputs;
  for (const auto& input : inputs) {
    if (!fs::is_directory(input)) throw UsageError("merge: there is no folder " + input.string());
    if (is_batch_output(input)) {
      outputs.push_back(input);
      continue;
    }
    std::vector<fs::path> inside;
    for (const auto& e : fs::directory_iterator(input))
      if (e.is_directory() && is_batch_output(e.path())) inside.push_back(e.path());
    if (inside.empty()) {
      throw UsageError("merge: " + input.string() +
                       " is neither the output of a batch (it has no results/ or shard.json) nor a folder of them");
    }
    std::sort(inside.begin(), inside.end());
    outputs.insert(outputs.end(), inside.begin(), inside.end());
  }
  return outputs;
}

std::string shard_name(unsigned k, unsigned n) {
  return "shard " + std::to_string(k) + " of " + std::to_string(n);
}

/// Each shard's output by its number, checked to be parts of one split of
/// the class graded against `fingerprint`.
std::map<unsigned, Shard> read_shards(const std::vector<fs::path>& outputs, const std::string& fingerprint,
                                      const std::string& assignment, std::ostream& progress) {
  std::map<unsigned, Shard> shards;
  for (const auto& dir : outputs) {
    auto manifest = read_shard_manifest(dir);
    if (!manifest) {
      throw UsageError("merge: " + dir.string() +
                       " has no shard.json (written by a mathlings older than merge's checks): run its batch again "
                       "— unchanged students are not graded again — then merge");
    }
    if (!shards.empty() && shards.begin()->second.manifest.shards != manifest->shards) {
      const Shard& first = shards.begin()->second;
      throw UsageError("merge: " + first.dir.string() + " is " +
                       shard_name(first.manifest.shard, first.manifest.shards) + " but " + dir.string() + " is " +
                       shard_name(manifest->shard, manifest->shards) +
                       ": the inputs come from different splits of the class; merge the shards of one split");
    }
    if (manifest->course != fingerprint) {
      throw UsageError("merge: " + dir.string() + " (" + shard_name(manifest->shard, manifest->shards) +
                       ") was graded against another version of the course (its course.yaml, specs, solutions or "
                       "headers have changed since): grade that shard again, then merge");
    }
    if (manifest->assignment != assignment) {
      throw UsageError("merge: " + dir.string() + " was graded for " +
                       (manifest->assignment.empty() ? "the whole course" : "assignment " + manifest->assignment) +
                       (manifest->assignment.empty() ? ": merge it without --assignment"
                                                     : ": merge it with --assignment " + manifest->assignment));
    }
    if (const auto earlier = shards.find(manifest->shard); earlier != shards.end()) {
      // The one that finished, else the first.
      const bool later_wins = manifest->finished && !earlier->second.manifest.finished;
      progress << "mathlings: " << dir.string() << " and " << earlier->second.dir.string() << " are both "
               << shard_name(manifest->shard, manifest->shards) << "; keeping "
               << (later_wins ? dir : earlier->second.dir).string() << (later_wins ? ", which finished" : "") << "\n";
      if (later_wins) earlier->second = Shard{dir, std::move(*manifest)};
      continue;
    }
    shards.emplace(manifest->shard, Shard{dir, std::move(*manifest)});
  }
  return shards;
}

/// A student of shard k, and whether shard k's own output lists them.
struct Member {
  ClassMember member;
  bool listed_by_shard = false;
};

/// Shard k's students: as its own output lists them, then any student
/// another shard's list places in it that its own lacks (handed in after it
/// ran) — so that no one drops out of the class unseen.
std::vector<Member> members_of(unsigned k, const std::map<unsigned, Shard>& shards) {
  std::vector<Member> members;
  std::set<std::string> seen;
  const auto add_from = [&](const Shard& shard, bool own) {
    for (const auto& m : shard.manifest.members)
      if (m.shard == k && seen.insert(m.student).second) members.push_back({m, own});
  };
  if (const auto own = shards.find(k); own != shards.end()) add_from(own->second, true);
  for (const auto& [number, shard] : shards)
    if (number != k) add_from(shard, false);
  return members;
}

/// Whether `inner` is `outer` or lies inside it.
bool is_within(const fs::path& inner, const fs::path& outer) {
  const fs::path relative =
      fs::weakly_canonical(fs::absolute(inner)).lexically_relative(fs::weakly_canonical(fs::absolute(outer)));
  return !relative.empty() && *relative.begin() != "..";
}

/// Refuses an output that would be written into an input: into a shard's own
/// results, or into a folder of shards that would then look like one shard.
void check_output(const fs::path& output, const std::vector<fs::path>& inputs) {
  for (const auto& input : inputs) {
    if (!is_within(output, input)) continue;
    throw UsageError("merge: the output " + output.string() + " is " + (is_within(input, output) ? "" : "inside ") +
                     "the input " + input.string() +
                     ": write the merged class elsewhere, e.g. into the folder that holds the shards");
  }
}

std::string why_missing(const Shard* shard, std::size_t graded, std::size_t members, std::size_t late) {
  if (!shard) {
    return "no output (its task never ran or was stopped before it began, or its folder is not among the "
           "inputs)";
  }
  const std::string count = " (" + std::to_string(graded) + " of " + std::to_string(members) + " students graded)";
  if (!shard->manifest.finished) return "did not finish" + count;
  if (late > 0) {
    return "has no row for " + std::to_string(late) +
           " students other shards' lists place in it (handed in after it ran?)" + count;
  }
  return "lacks some students' results" + count;
}

std::string refusal(const std::vector<MissingShard>& missing, unsigned n) {
  std::string text = "merge: the class is not whole, so nothing was written —";
  for (const auto& m : missing) {
    text += "\n  " + shard_name(m.shard, n) + ": " + m.why;
    if (!m.students.empty()) text += "; not graded: " + one_line(list_names(m.students, 8));
  }
  return text +
         "\nGrade those shards again (each picks up where it stopped) and merge again; or add --partial to write "
         "what there is, with their students marked not_graded.";
}

}  // namespace

MergeSummary merge_shards(const Course& course, const MergeRequest& request, std::ostream& progress) {
  const auto& [inputs, output, assignment, write_partial] = request;
  const std::string assignment_id = assignment ? assignment->id : "";
  const std::vector<fs::path> outputs = batch_outputs(inputs);
  check_output(output, inputs);
  check_output(output, outputs);
  MergeSummary summary;
  summary.course_hash = course_fingerprint(course);
  const std::map<unsigned, Shard> shards = read_shards(outputs, summary.course_hash, assignment_id, progress);
  summary.shards = shards.begin()->second.manifest.shards;
  std::vector<StudentRow> gap_rows;
  for (unsigned k = 1; k <= summary.shards; ++k) {
    const auto found = shards.find(k);
    const Shard* shard = found == shards.end() ? nullptr : &found->second;
    MissingShard missing{.shard = k, .why = {}, .students = {}};
    std::vector<ClassMember> ungraded;
    std::size_t graded = 0, late = 0;
    const std::vector<Member> members = members_of(k, shards);
    for (const auto& [member, listed] : members) {
      auto row = shard && listed ? read_row(shard->dir, member.student) : std::nullopt;
      if (!row) {
        missing.students.push_back(member.student);
        ungraded.push_back(member);
        if (shard && !listed) ++late;
        continue;
      }
      row->name = member.name;  // the roster's, as the shard's batch saw it
      row->email = member.email;
      summary.rows.push_back(std::move(*row));
      ++graded;
    }
    // A shard that did not finish is missing even with a row for everyone:
    // those may be an earlier run's, and the run that began again did not end.
    if (shard && shard->manifest.finished && missing.students.empty()) continue;
    missing.why = why_missing(shard, graded, members.size(), late);
    for (const auto& member : ungraded) {
      StudentRow row;
      row.student = member.student;
      row.name = member.name;
      row.email = member.email;
      row.status = "not_graded";
      row.message = "not graded: " + shard_name(k, summary.shards) + " " +
                    missing.why.substr(0, missing.why.find(" (")) +
                    " — grade that shard again (not the student's fault), then merge";
      gap_rows.push_back(std::move(row));
    }
    summary.missing.push_back(std::move(missing));
  }
  if (!summary.missing.empty() && !write_partial) throw IncompleteShards(refusal(summary.missing, summary.shards));
  summary.rows.insert(summary.rows.end(), std::make_move_iterator(gap_rows.begin()),
                      std::make_move_iterator(gap_rows.end()));
  std::sort(summary.rows.begin(), summary.rows.end(),
            [](const StudentRow& a, const StudentRow& b) { return a.student < b.student; });
  for (const auto& row : summary.rows) write_row(output, row);
  if (assignment) apply_late_policy(summary.rows, *assignment);
  SimilarityReport similarity;
  similarity.why_not = "a merged class's files stay with its shards: grade the class in one batch to compare them";
  write_class_outputs(output, course, assignment ? &*assignment : nullptr, summary.rows, similarity);
  // The merged class is itself one whole shard, so it can be merged again;
  // a partial one says it is not finished.
  ShardManifest whole{.shard = 1,
                      .shards = 1,
                      .course = summary.course_hash,
                      .assignment = assignment_id,
                      .roster = "",
                      .finished = summary.missing.empty(),
                      .members = {}};
  for (unsigned k = 1; k <= summary.shards; ++k)
    for (auto [member, listed] : members_of(k, shards)) whole.members.push_back((member.shard = 1, member));
  write_shard_manifest(output, whole);
  return summary;
}

std::vector<StudentRow> read_merged_rows(const fs::path& output) {
  std::vector<StudentRow> rows;
  const auto manifest = read_shard_manifest(output);
  if (!manifest) return rows;
  for (const auto& member : manifest->members)
    if (auto row = read_row(output, member.student)) rows.push_back(std::move(*row));
  return rows;
}

}  // namespace mathlings
