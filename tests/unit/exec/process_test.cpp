#include "exec/process.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "exec/sandbox.hpp"
#include "support/cpu_hogs.hpp"

namespace mathlings {
namespace {

ProcessResult shell(const std::string& script, Limits limits = {}, std::string input = "") {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.environment = {"PATH=/usr/bin:/bin"};
  spec.input = std::move(input);
  spec.with_result_channel = true;
  spec.limits = limits;
  return run_process(spec);
}

TEST(Process, CollectsExitStatusOutputAndTheResultChannelSeparately) {
  const auto r = shell("cat; echo to-stderr >&2; echo answer >&3; exit 3", {}, "from stdin\n");
  EXPECT_EQ(r.end, ProcessResult::End::exited);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.output, "from stdin\nto-stderr\n");
  EXPECT_EQ(r.results, "answer\n");
}

TEST(Process, ASignalIsReported) {
  const auto r = shell("kill -SEGV $$");
  EXPECT_EQ(r.end, ProcessResult::End::signaled);
  EXPECT_EQ(r.signal, SIGSEGV);
}

TEST(Process, WallClockLimitStopsASleeper) {
  Limits limits;
  limits.wall_seconds = 0.3;
  const auto r = shell("sleep 30", limits);
  EXPECT_EQ(r.end, ProcessResult::End::wall_timeout);
  EXPECT_LT(r.wall_seconds, 5);
}

TEST(Process, CpuLimitStopsASpinner) {
  Limits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 20;
  const auto r = shell("while :; do :; done", limits);
  EXPECT_TRUE(r.cpu_limit_exceeded);
}

/// A program that sleeps past the wall-time guard did it itself: idle, not
/// held back by the machine.
TEST(Process, ASleeperStoppedAtTheGuardIsIdleNotStarved) {
  Limits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 0.5;
  const auto r = shell("sleep 30", limits);
  EXPECT_EQ(r.end, ProcessResult::End::wall_timeout);
  EXPECT_FALSE(r.cpu_limit_exceeded);
  EXPECT_TRUE(r.idle());
  EXPECT_FALSE(r.starved());
}

/// A program that computes on a CPU shared with four busy processes gets a
/// fifth of it: stopped at the guard, it is starved — the machine's fault —
/// and its CPU time is what it really had.
TEST(Process, AComputationHeldBackByLoadIsStarved) {
  const testing::CpuHogs hogs(4, 0);
  const testing::PinnedToCpu pinned(0);
  Limits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 1;
  const auto r = shell("while :; do :; done", limits);
  EXPECT_EQ(r.end, ProcessResult::End::wall_timeout);
  EXPECT_TRUE(r.starved()) << "cpu " << r.cpu_seconds << " s, waiting " << r.waiting_seconds << " s, wall "
                           << r.wall_seconds << " s";
  EXPECT_FALSE(r.idle());
  EXPECT_LT(r.cpu_seconds, 0.7);
}

/// Stopped at the guard, a group's processes are killed before anyone reaps
/// them; their CPU time must count all the same (sandboxed: three processes
/// deep), or a spinner would look idle.
TEST(Process, TheCpuTimeOfAGroupStoppedAtTheGuardIsCounted) {
  for (const bool isolated : {false, true}) {
    if (isolated && !sandbox_available()) continue;
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", "while :; do :; done"};
    spec.environment = {"PATH=/usr/bin:/bin"};
    spec.limits.cpu_seconds = 30;
    spec.limits.wall_seconds = 1;
    spec.isolation.enabled = isolated;
    spec.working_directory = std::filesystem::temp_directory_path();
    const auto r = run_process(spec);
    EXPECT_EQ(r.end, ProcessResult::End::wall_timeout);
    EXPECT_GT(r.cpu_seconds, 0.05) << (isolated ? "sandboxed" : "plain");  // 0 before: nobody reaped them
    EXPECT_FALSE(r.idle()) << (isolated ? "sandboxed" : "plain");
  }
}

/// A program that computes is never stopped by the wall-time guard before
/// its CPU time runs out, however little of a CPU the machine gives it.
TEST(Process, AComputationHeldBackByLoadIsGivenTheTimeItNeeds) {
  const testing::CpuHogs hogs(4, 0);
  const testing::PinnedToCpu pinned(0);
  Limits limits;
  limits.cpu_seconds = 10;
  limits.wall_seconds = 0.3;
  limits.max_wall_seconds = 30;
  const auto r = shell("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo done >&3", limits);
  EXPECT_EQ(r.end, ProcessResult::End::exited) << "wall " << r.wall_seconds << " s";
  EXPECT_EQ(r.results, "done\n");
}

TEST(Process, TheWallTimeGuardsLeaveRoomForABusyMachine) {
  const Limits limits = Limits::of_cpu_time(2);
  EXPECT_EQ(limits.cpu_seconds, 2);
  EXPECT_GT(limits.wall_seconds, limits.cpu_seconds);
  EXPECT_GE(limits.max_wall_seconds, 5 * limits.wall_seconds);
}

TEST(Process, OutputIsCappedAndTheFloodStopped) {
  Limits limits;
  limits.output_bytes = 10000;
  const auto r = shell("yes flood", limits);
  EXPECT_EQ(r.end, ProcessResult::End::output_limit);
  EXPECT_EQ(r.output.size(), 10000u);
}

TEST(Process, ChildrenLeftBehindAreKilledWithTheGroup) {
  const auto r = shell("sleep 30 & echo $! >&3");
  EXPECT_EQ(r.end, ProcessResult::End::exited);
  const int child = std::stoi(r.results);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Reaped by init or not, the process must no longer run.
  const std::string state_file = "/proc/" + std::to_string(child) + "/stat";
  FILE* f = std::fopen(state_file.c_str(), "r");
  if (f != nullptr) {
    char state = '?';
    EXPECT_EQ(std::fscanf(f, "%*d %*s %c", &state), 1);
    std::fclose(f);
    EXPECT_EQ(state, 'Z');
  }
}

/// Whether a process whose command line holds `marker` is running.
bool running(const std::string& marker) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    if (cmdline.find(marker) != std::string::npos) return true;
  }
  return false;
}

/// A grader killed mid-run (Ctrl-C on a batch, a cancelled CI job) leaves
/// nothing running behind it, in the sandbox or not.
TEST(Process, NothingOutlivesAKilledGrader) {
  for (const bool isolated : {false, true}) {
    if (isolated && !sandbox_available()) continue;
    const std::string marker = isolated ? "31.41592" : "27.18281";  // a sleep no one else runs
    const pid_t grader = fork();
    ASSERT_GE(grader, 0);
    if (grader == 0) {
      ProcessSpec spec;
      spec.argv = {"/bin/sleep", marker};
      spec.environment = {"PATH=/usr/bin:/bin"};
      spec.limits.wall_seconds = 60;
      spec.isolation.enabled = isolated;
      spec.working_directory = std::filesystem::temp_directory_path();  // the sandbox's /tmp
      run_process(spec);
      _exit(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!running(marker) && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(running(marker)) << "the program never started";
    kill(grader, SIGKILL);
    waitpid(grader, nullptr, 0);
    const auto gone_by = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (running(marker) && std::chrono::steady_clock::now() < gone_by)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(running(marker)) << (isolated ? "sandboxed" : "plain") << " program outlived its grader";
  }
}

TEST(Process, TheEnvironmentIsOnlyWhatWasGiven) {
  setenv("MATHLINGS_SECRET", "expected values", 1);
  const auto r = shell("env >&3");
  EXPECT_EQ(r.results.find("MATHLINGS_SECRET"), std::string::npos);
  EXPECT_NE(r.results.find("PATH=/usr/bin:/bin"), std::string::npos);
}

TEST(Process, AProgramThatCannotStartSaysWhy) {
  ProcessSpec spec;
  spec.argv = {"/nonexistent/program"};
  const auto r = run_process(spec);
  EXPECT_EQ(r.end, ProcessResult::End::failed_to_start);
  EXPECT_NE(r.output.find("No such file"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
