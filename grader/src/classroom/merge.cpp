#include "classroom/merge.hpp"

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "classroom/batch.hpp"
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
                                      std::ostream& progress) {
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
    if (const auto earlier = shards.find(manifest->shard); earlier != shards.end()) {
      progress << "mathlings: " << dir.string() << " and " << earlier->second.dir.string() << " are both "
               << shard_name(manifest->shard, manifest->shards) << "; keeping " << earlier->second.dir.string() << "\n";
      continue;
    }
    shards.emplace(manifest->shard, Shard{dir, std::move(*manifest)});
  }
  return shards;
}

/// Shard k's students: as its own output lists them, or, when it has none,
/// as the first other shard's list does.
std::vector<ClassMember> members_of(unsigned k, const std::map<unsigned, Shard>& shards) {
  const auto own = shards.find(k);
  for (const auto& [number, shard] : shards) {
    if (own != shards.end() && number != k) continue;
    std::vector<ClassMember> members;
    for (const auto& m : shard.manifest.members)
      if (m.shard == k) members.push_back(m);
    return members;
  }
  return {};
}

std::string refusal(const std::vector<MissingShard>& missing, unsigned n) {
  std::string text = "merge: the class is not whole, so nothing was written —";
  for (const auto& m : missing) {
    text += "\n  " + shard_name(m.shard, n) + ": " + m.why;
    if (!m.students.empty()) text += "; not graded: " + list_names(m.students, 8);
  }
  return text +
         "\nGrade those shards again (each picks up where it stopped) and merge again; or add --partial to write "
         "what there is, with their students marked not_graded.";
}

}  // namespace

MergeSummary merge_shards(const Course& course, const std::vector<fs::path>& inputs, const fs::path& output,
                          bool write_partial, std::ostream& progress) {
  const std::map<unsigned, Shard> shards = read_shards(batch_outputs(inputs), course_fingerprint(course), progress);
  MergeSummary summary;
  summary.shards = shards.begin()->second.manifest.shards;
  std::vector<StudentRow> gap_rows;
  for (unsigned k = 1; k <= summary.shards; ++k) {
    const auto shard = shards.find(k);
    MissingShard missing{.shard = k, .why = {}, .students = {}};
    std::vector<ClassMember> ungraded;
    std::size_t graded = 0;
    for (const auto& member : members_of(k, shards)) {
      auto row = shard == shards.end() ? std::nullopt : read_row(shard->second.dir, member.student);
      if (!row) {
        missing.students.push_back(member.student);
        ungraded.push_back(member);
        continue;
      }
      row->name = member.name;  // the roster's, as the shard's batch saw it
      row->email = member.email;
      summary.rows.push_back(std::move(*row));
      ++graded;
    }
    if (shard == shards.end()) {
      missing.why =
          "no output (its task never ran or was stopped before it began, or its folder is not among the "
          "inputs)";
    } else if (!missing.students.empty()) {
      missing.why = std::string(shard->second.manifest.finished ? "lacks some results" : "did not finish") + " (" +
                    std::to_string(graded) + " of " + std::to_string(graded + ungraded.size()) + " students graded)";
    } else {
      continue;
    }
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
  write_class_outputs(output, course, summary.rows);
  // The merged class is itself one whole shard, so it can be merged again;
  // a partial one says it is not finished.
  ShardManifest whole{.shard = 1,
                      .shards = 1,
                      .course = course_fingerprint(course),
                      .finished = summary.missing.empty(),
                      .members = {}};
  for (unsigned k = 1; k <= summary.shards; ++k)
    for (auto member : members_of(k, shards)) whole.members.push_back((member.shard = 1, member));
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
