// The one rule for a step the machine's load held back, used by the compiler
// and by the judge's runs: once more with twice the wall time, then
// MachineBusy.
#include "exec/load_retry.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"

namespace mathlings {
namespace {

ProcessResult finished() {
  ProcessResult r;
  r.end = ProcessResult::End::exited;
  r.exit_code = 0;
  return r;
}

ProcessResult held_back(const Limits& limits) {
  ProcessResult r;
  r.end = ProcessResult::End::wall_timeout;
  r.held_back = true;
  r.wall_seconds = limits.max_wall_seconds;
  r.cpu_seconds = 0.5;
  return r;
}

bool starved(const ProcessResult& r) {
  return r.starved();
}

TEST(LoadRetry, AStepThatWasNotHeldBackRunsOnce) {
  std::vector<Limits> tries;
  const auto r = run_with_load_retry(
      "the compiler", Limits::of_cpu_time(2),
      [&](const Limits& limits) {
        tries.push_back(limits);
        return finished();
      },
      starved);
  EXPECT_TRUE(r.succeeded());
  EXPECT_EQ(tries.size(), 1u);
}

TEST(LoadRetry, AStepHeldBackOnceIsTriedAgainWithTwiceTheWallTimeAndTheSameCpuTime) {
  const Limits limits = Limits::of_cpu_time(2);
  std::vector<Limits> tries;
  const auto r = run_with_load_retry(
      "the compiler", limits,
      [&](const Limits& given) {
        tries.push_back(given);
        return tries.size() == 1 ? held_back(given) : finished();
      },
      starved);
  EXPECT_TRUE(r.succeeded());
  ASSERT_EQ(tries.size(), 2u);
  EXPECT_DOUBLE_EQ(tries[1].wall_seconds, 2 * limits.wall_seconds);
  EXPECT_DOUBLE_EQ(tries[1].max_wall_seconds, 2 * limits.max_wall_seconds);
  EXPECT_DOUBLE_EQ(tries[1].cpu_seconds, limits.cpu_seconds);
}

TEST(LoadRetry, AStepHeldBackTwiceIsMachineBusyNamingIt) {
  Limits limits = Limits::of_cpu_time(2);
  limits.max_wall_seconds = 10;
  int tries = 0;
  try {
    run_with_load_retry(
        "a test's program", limits,
        [&](const Limits& given) {
          ++tries;
          return held_back(given);
        },
        starved);
    ADD_FAILURE() << "no MachineBusy";
  } catch (const MachineBusy& busy) {
    EXPECT_EQ(std::string(busy.what()),
              "a test's program was stopped after 20 s with only 0.5 s of its 2 s of CPU time used, twice: this "
              "machine is too busy");
  }
  EXPECT_EQ(tries, 2);
}

TEST(LoadRetry, TheCallerSaysWhatCountsAsHeldBack) {
  int tries = 0;
  const auto r = run_with_load_retry(
      "the compiler", Limits::of_cpu_time(2),
      [&](const Limits& given) {
        ++tries;
        return held_back(given);
      },
      [](const ProcessResult&) { return false; });
  EXPECT_EQ(r.end, ProcessResult::End::wall_timeout);
  EXPECT_EQ(tries, 1);
}

}  // namespace
}  // namespace mathlings
