// The state file shared by every command of one course: changes from
// commands that run at once (watch in one terminal, check in another) are
// merged, never lost.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "base/files.hpp"
#include "learner/learner_state.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

constexpr int updates = 25;

/// Records `updates` checks of exercises named prefix/0, prefix/1, …, each
/// change slow enough that two writers without a lock would overlap.
void record_checks(const fs::path& file, const std::string& prefix) {
  for (int k = 0; k < updates; ++k) {
    LearnerState::update(file, [&](LearnerState& state) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      state.checked[prefix + "/" + std::to_string(k)] = {"hash", "passed", 1, 1};
    });
  }
}

void expect_every_check_of(const LearnerState& state, const std::vector<std::string>& prefixes) {
  EXPECT_EQ(state.checked.size(), prefixes.size() * updates);
  for (const auto& prefix : prefixes)
    for (int k = 0; k < updates; ++k) EXPECT_TRUE(state.checked.count(prefix + "/" + std::to_string(k))) << prefix << k;
}

TEST(LearnerState, ThreadsUpdatingAtOnceLoseNothing) {
  TemporaryDirectory work(fs::temp_directory_path(), "mathlings-state-test-");
  const fs::path file = LearnerState::path_for(work.path());
  std::thread a(record_checks, file, "01-a"), b(record_checks, file, "02-b");
  a.join();
  b.join();
  expect_every_check_of(LearnerState::load(file), {"01-a", "02-b"});
}

TEST(LearnerState, ProcessesUpdatingAtOnceLoseNothing) {
  TemporaryDirectory work(fs::temp_directory_path(), "mathlings-state-test-");
  const fs::path file = LearnerState::path_for(work.path());
  std::vector<pid_t> children;
  for (const char* prefix : {"01-a", "02-b", "03-c"}) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      record_checks(file, prefix);
      _exit(0);
    }
    children.push_back(child);
  }
  for (const pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  expect_every_check_of(LearnerState::load(file), {"01-a", "02-b", "03-c"});
}

// watch's case: it read the state at its start; check recorded another
// exercise since; watch's next grading must keep check's record.
TEST(LearnerState, AnUpdateKeepsWhatAnotherCommandWroteSinceTheFirstRead) {
  TemporaryDirectory work(fs::temp_directory_path(), "mathlings-state-test-");
  const fs::path file = LearnerState::path_for(work.path());
  const LearnerState seen_by_watch = LearnerState::load(file);
  LearnerState::update(file, [](LearnerState& s) { s.checked["04-statistics/t_tests"] = {"h", "passed", 14, 14}; });
  const LearnerState written = LearnerState::update(file, [](LearnerState& s) {
    s.checked["01-linear-algebra/elimination"] = {"h", "partial", 3, 9};
  });
  EXPECT_TRUE(seen_by_watch.checked.empty());
  EXPECT_EQ(written.checked.at("04-statistics/t_tests").score, 14);
  EXPECT_EQ(LearnerState::load(file).checked.at("04-statistics/t_tests").status, "passed");
  EXPECT_EQ(LearnerState::load(file).checked.size(), 2u);
}

// A reader never sees half a file: the file is replaced by a rename (a new
// inode), never rewritten where it is, and no temporary file is left over.
TEST(LearnerState, TheFileIsReplacedWholeNotRewritten) {
  TemporaryDirectory work(fs::temp_directory_path(), "mathlings-state-test-");
  const fs::path file = LearnerState::path_for(work.path());
  LearnerState::update(file, [](LearnerState& s) { s.hints_shown["a/b"] = 1; });
  struct stat before {};
  ASSERT_EQ(stat(file.c_str(), &before), 0);
  LearnerState::update(file, [](LearnerState& s) { s.hints_shown["a/b"] = 2; });
  struct stat after {};
  ASSERT_EQ(stat(file.c_str(), &after), 0);
  EXPECT_NE(before.st_ino, after.st_ino);
  EXPECT_EQ(LearnerState::load(file).hints_shown.at("a/b"), 2);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(file.parent_path())) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"state.yaml", "state.yaml.lock"}));
}

TEST(Hints, ComeOneAtATimeAndCountWhatRemains) {
  LearnerState state;
  const std::vector<std::string> hints{"first", "second"};
  ShownHint h = state.next_hint("a/b", hints);
  EXPECT_EQ(h.number, 1);
  EXPECT_EQ(h.text, "first");
  EXPECT_EQ(h.remaining(), 1);
  h = state.next_hint("a/b", hints);
  EXPECT_EQ(h.text, "second");
  EXPECT_EQ(h.remaining(), 0);
  h = state.next_hint("a/b", hints);  // the last one again
  EXPECT_EQ(h.text, "second");
  EXPECT_EQ(state.next_hint("other", hints).number, 1);
}

}  // namespace
}  // namespace mathlings
