#include "learner_state.hpp"

#include <yaml-cpp/yaml.h>
#include <algorithm>

#include <iostream>

#include "files.hpp"

namespace mathlings {

std::filesystem::path LearnerState::path_for(const std::filesystem::path& course_root) {
  return course_root / ".mathlings" / "state.yaml";
}

LearnerState LearnerState::load(const std::filesystem::path& file) {
  LearnerState state;
  if (!std::filesystem::exists(file)) return state;
  try {
    const YAML::Node root = YAML::LoadFile(file.string());
    for (const auto& entry : root["hints_shown"])
      state.hints_shown[entry.first.as<std::string>()] = entry.second.as<int>();
    for (const auto& entry : root["checked"]) {
      CheckedExercise c;
      c.file_hash = entry.second["file_hash"].as<std::string>();
      c.status = entry.second["status"].as<std::string>();
      c.score = entry.second["score"].as<double>();
      c.max_score = entry.second["max_score"].as<double>();
      state.checked[entry.first.as<std::string>()] = c;
    }
  } catch (const YAML::Exception& e) {
    std::cerr << "mathlings: ignoring the unreadable state file " << file.string() << ":" << e.mark.line + 1 << " ("
              << e.msg << "); delete it to start afresh\n";
    return {};
  }
  return state;
}

void LearnerState::save(const std::filesystem::path& file) const {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "hints_shown" << YAML::Value << YAML::BeginMap;
  for (const auto& [id, n] : hints_shown) out << YAML::Key << id << YAML::Value << n;
  out << YAML::EndMap << YAML::Key << "checked" << YAML::Value << YAML::BeginMap;
  for (const auto& [id, c] : checked) {
    out << YAML::Key << id << YAML::Value << YAML::BeginMap << YAML::Key << "file_hash" << YAML::Value << c.file_hash
        << YAML::Key << "status" << YAML::Value << c.status << YAML::Key << "score" << YAML::Value << c.score
        << YAML::Key << "max_score" << YAML::Value << c.max_score << YAML::EndMap;
  }
  out << YAML::EndMap << YAML::EndMap;
  write_file_atomically(file, std::string(out.c_str()) + "\n");
}

ShownHint LearnerState::next_hint(const std::string& exercise_id, const std::vector<std::string>& hints) {
  if (hints.empty()) return {};
  int& shown = hints_shown[exercise_id];
  const int index = std::min<int>(shown, static_cast<int>(hints.size()) - 1);
  shown = index + 1;
  return {index + 1, static_cast<int>(hints.size()), hints[static_cast<std::size_t>(index)]};
}

}  // namespace mathlings
