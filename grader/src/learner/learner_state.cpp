#include "learner/learner_state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

/// An exclusive flock on `<state file>.lock`, held while it lives. A file of
/// its own, because the state file itself is replaced at every write and a
/// lock on a replaced file guards nothing.
class StateLock {
 public:
  explicit StateLock(const fs::path& state_file) {
    fs::create_directories(state_file.parent_path());
    const std::string path = state_file.string() + ".lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw GraderError("cannot open " + path + ": " + std::strerror(errno));
    while (flock(fd_, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      close(fd_);
      throw GraderError("cannot lock " + path + ": " + std::strerror(error));
    }
  }
  ~StateLock() { close(fd_); }  // closing releases the lock
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;

 private:
  int fd_ = -1;
};

/// Through a temporary file, flushed to the disk before the rename: after a
/// crash the state is the old one or the new one, never a truncated file.
void write_durably(const fs::path& file, const std::string& content) {
  const fs::path temporary = file.string() + ".tmp-" + unique_suffix();
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw GraderError("cannot write " + temporary.string() + ": " + std::strerror(errno));
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      close(fd);
      fs::remove(temporary);
      throw GraderError("cannot write " + temporary.string() + ": " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  const int sync_error = fsync(fd) == 0 ? 0 : errno;
  close(fd);
  if (sync_error != 0) {
    fs::remove(temporary);
    throw GraderError("cannot write " + temporary.string() + ": " + std::strerror(sync_error));
  }
  fs::rename(temporary, file);
}

}  // namespace

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
  write_durably(file, std::string(out.c_str()) + "\n");
}

LearnerState LearnerState::update(const fs::path& file, const std::function<void(LearnerState&)>& change) {
  const StateLock lock(file);
  LearnerState state = load(file);
  change(state);
  state.save(file);
  return state;
}

ShownHint LearnerState::next_hint(const std::string& exercise_id, const std::vector<std::string>& hints) {
  if (hints.empty()) return {};
  int& shown = hints_shown[exercise_id];
  const int index = std::min<int>(shown, static_cast<int>(hints.size()) - 1);
  shown = index + 1;
  return {index + 1, static_cast<int>(hints.size()), hints[static_cast<std::size_t>(index)]};
}

}  // namespace mathlings
