#include "classroom/shard_manifest.hpp"

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/json.hpp"
#include "base/text.hpp"

namespace mathlings {

void write_shard_manifest(const fs::path& output, const ShardManifest& manifest) {
  Json members = Json::array();
  for (const auto& m : manifest.members) {
    members.push_back({{"student", m.student}, {"shard", m.shard}, {"name", m.name}, {"email", m.email}});
  }
  Json json{{"schema", "mathlings.shard/1"},
            {"shard", manifest.shard},
            {"shards", manifest.shards},
            {"course", manifest.course}};
  json["assignment"] = manifest.assignment;
  json["roster"] = manifest.roster;
  json["finished"] = manifest.finished;
  json["class"] = members;
  write_file_atomically(
      output / shard_manifest_name,
      json_text(json,
                {{{"", JsonForm::lines, {"shard", "shards", "course", "assignment", "roster", "finished", "class"}},
                  {"/class", JsonForm::lines}}}) +
          "\n");
}

std::optional<ShardManifest> read_shard_manifest(const fs::path& output) {
  const fs::path file = output / shard_manifest_name;
  if (!fs::exists(file)) return std::nullopt;
  const Json json = parse_json(read_file(file), file.string());
  try {
    if (json.at("schema") != "mathlings.shard/1") throw GraderError("not a mathlings.shard/1 file");
    ShardManifest manifest;
    manifest.shard = json.at("shard").get<unsigned>();
    manifest.shards = json.at("shards").get<unsigned>();
    manifest.course = json.at("course").get<std::string>();
    manifest.finished = json.at("finished").get<bool>();
    manifest.assignment = json.value("assignment", "");  // absent before assignments were
    manifest.roster = json.value("roster", "");          // absent before regrades reused it
    if (manifest.shards < 1 || manifest.shard < 1 || manifest.shard > manifest.shards)
      throw GraderError("shard " + std::to_string(manifest.shard) + " of " + std::to_string(manifest.shards));
    for (const auto& m : json.at("class")) {
      ClassMember member{m.at("student").get<std::string>(), m.at("shard").get<unsigned>(),
                         m.at("name").get<std::string>(), m.at("email").get<std::string>()};
      // Joined to results/ as a file name: a copied or edited manifest must not lead elsewhere.
      if (member.student.empty() || member.student == "." || member.student == ".." ||
          member.student.find_first_of(std::string("/\0", 2)) != std::string::npos)
        throw GraderError("a student named '" + one_line(member.student) + "', which is no file name");
      if (member.shard < 1 || member.shard > manifest.shards)
        throw GraderError(member.student + " in shard " + std::to_string(member.shard));
      manifest.members.push_back(std::move(member));
    }
    return manifest;
  } catch (const std::exception& e) {
    throw GraderError(file.string() + " is damaged (" + e.what() +
                      "): run that shard's batch again; it rewrites the file and grades only what it lacks");
  }
}

}  // namespace mathlings
