// Noticing a learner's save: inotify on the folder, a stat as the fallback.
#include "learner/file_watcher.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

TEST(FileWatcher, NoticesASaveByRenameThroughEventsAndByPolling) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-watch-test-");
  const fs::path file = dir.path() / "exercise.cpp";
  write_file_atomically(file, "one\n");
  for (const bool events : {true, false}) {
    FileWatcher watcher(events);
    watcher.watch(file);
    EXPECT_FALSE(watcher.take_events());
    EXPECT_FALSE(watcher.looks_changed());
    write_file_atomically(dir.path() / "other.cpp", "not watched\n");
    if (events) {
      EXPECT_FALSE(watcher.take_events());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    write_file_atomically(file, events ? "two, longer\n" : "three, longer still\n");  // a new size
    if (events) {
      EXPECT_FALSE(watcher.polling_only());
      EXPECT_TRUE(watcher.take_events());
    } else {
      EXPECT_TRUE(watcher.polling_only());
      EXPECT_TRUE(watcher.looks_changed());
      EXPECT_FALSE(watcher.looks_changed());  // once per change
    }
  }
}

TEST(FileWatcher, PollingNoticesADeletionAndTheFileComingBack) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-watch-test-");
  const fs::path file = dir.path() / "exercise.cpp";
  write_file_atomically(file, "one\n");
  FileWatcher watcher(false);
  EXPECT_EQ(watcher.event_fd(), -1);
  watcher.watch(file);
  fs::remove(file);
  EXPECT_TRUE(watcher.looks_changed());
  EXPECT_FALSE(watcher.looks_changed());
  write_file_atomically(file, "one\n");
  EXPECT_TRUE(watcher.looks_changed());
}

TEST(FileWatcher, WatchingAnotherFileForgetsTheFirst) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-watch-test-");
  const fs::path first = dir.path() / "a" / "first.cpp", second = dir.path() / "b" / "second.cpp";
  write_file_atomically(first, "1\n");
  write_file_atomically(second, "2\n");
  FileWatcher watcher(true);
  if (watcher.polling_only()) GTEST_SKIP() << "inotify is not available here";
  watcher.watch(first);
  watcher.watch(second);
  write_file_atomically(first, "1, changed\n");
  EXPECT_FALSE(watcher.take_events());
  write_file_atomically(second, "2, changed\n");
  EXPECT_TRUE(watcher.take_events());
}

TEST(FileWatcher, WatchesAFolderThatDoesNotExistYet) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-watch-test-");
  const fs::path file = dir.path() / "lesson" / "exercise.cpp";  // deleted with its folder
  FileWatcher watcher(true);
  if (watcher.polling_only()) GTEST_SKIP() << "inotify is not available here";
  watcher.watch(file);
  EXPECT_TRUE(fs::is_directory(file.parent_path()));
  write_file_atomically(file, "restored\n");
  EXPECT_TRUE(watcher.take_events());
}

}  // namespace
}  // namespace mathlings
