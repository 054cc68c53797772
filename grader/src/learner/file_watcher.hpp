// Notices when a learner saves a file. inotify on the file's folder (editors
// often save by writing a new file and renaming it over the old one, so the
// folder is watched, not the file), with a polling fallback — a stat every
// poll — for file systems that deliver no events (network and some
// container mounts) or when inotify is unavailable. The polling runs even
// with inotify, as a safety net; it costs one stat a second.
#pragma once

#include <filesystem>
#include <string>

namespace mathlings {

class FileWatcher {
 public:
  /// `events`: use inotify where it is available.
  explicit FileWatcher(bool events);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  /// Watch this file from now on (instead of the previous one).
  void watch(const std::filesystem::path& file);
  /// The descriptor to poll for events; -1 when polling only.
  int event_fd() const { return inotify_fd_; }
  /// Reads pending events; true if one concerns the watched file.
  bool take_events();
  /// Whether the file's size or modification time differ from the last look.
  bool looks_changed();
  bool polling_only() const { return inotify_fd_ < 0; }

 private:
  struct Stamp {
    bool exists = false;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified{};
    bool operator==(const Stamp&) const = default;
  };
  Stamp stamp() const;
  int inotify_fd_ = -1;
  int watch_descriptor_ = -1;
  std::filesystem::path file_;
  Stamp last_;
};

}  // namespace mathlings
