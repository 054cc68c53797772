#include "learner/file_watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cstring>

namespace mathlings {

FileWatcher::FileWatcher(bool events) {
  if (events) inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
}

FileWatcher::~FileWatcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
}

void FileWatcher::watch(const std::filesystem::path& file) {
  file_ = file;
  last_ = stamp();
  if (inotify_fd_ < 0) return;
  if (watch_descriptor_ >= 0) inotify_rm_watch(inotify_fd_, watch_descriptor_);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  watch_descriptor_ = inotify_add_watch(inotify_fd_, file.parent_path().c_str(),
                                        IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
}

bool FileWatcher::take_events() {
  if (inotify_fd_ < 0) return false;
  alignas(inotify_event) char buffer[8192];
  bool concerned = false;
  const std::string name = file_.filename().string();
  for (;;) {
    const ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      inotify_event event;
      std::memcpy(&event, buffer + at, sizeof event);
      const char* event_name = buffer + at + sizeof(inotify_event);
      if (event.len > 0 && name == event_name) concerned = true;
      if (event.mask & IN_Q_OVERFLOW) concerned = true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
    }
  }
  if (concerned) last_ = stamp();
  return concerned;
}

bool FileWatcher::looks_changed() {
  const Stamp now = stamp();
  if (now == last_) return false;
  last_ = now;
  return true;
}

FileWatcher::Stamp FileWatcher::stamp() const {
  Stamp s;
  std::error_code ec;
  s.exists = std::filesystem::is_regular_file(file_, ec);
  if (!s.exists) return s;
  s.size = std::filesystem::file_size(file_, ec);
  s.modified = std::filesystem::last_write_time(file_, ec);
  return s;
}

}  // namespace mathlings
