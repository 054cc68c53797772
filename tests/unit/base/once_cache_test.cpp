// A value computed once per key, however many threads ask at once. (That a
// busy machine is not remembered as an answer is tested with the result
// model, tests/unit/model/result_test.cpp.)
#include "base/once_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace mathlings {
namespace {

TEST(OnceCache, ManyThreadsAskingAtOnceComputeOnceAndAllGetTheValue) {
  OnceCache<std::string> cache;
  std::atomic<int> computed{0};
  std::vector<std::string> answers(8);
  std::vector<std::thread> threads;
  for (auto& answer : answers)
    threads.emplace_back([&] {
      answer = cache.get("precompiled header", [&] {
        ++computed;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // long enough for the others to arrive
        return std::string("built");
      });
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(computed, 1);
  for (const auto& answer : answers) EXPECT_EQ(answer, "built");
}

TEST(OnceCache, EachKeyHasItsOwnValue) {
  OnceCache<int> cache;
  int computed = 0;
  EXPECT_EQ(cache.get("a", [&] { return ++computed; }), 1);
  EXPECT_EQ(cache.get("b", [&] { return ++computed; }), 2);
  EXPECT_EQ(cache.get("a", [&] { return ++computed; }), 1);
  EXPECT_EQ(computed, 2);
}

TEST(OnceCache, ThoseWaitingHearOfAFailureToo) {
  OnceCache<int> cache;
  std::atomic<int> computed{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 6; ++k)
    threads.emplace_back([&] {
      try {
        cache.get("reference", [&]() -> int {
          ++computed;
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          throw CourseError("the reference solution does not compile");
        });
      } catch (const CourseError&) {
        ++failures;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(failures, 6);
}

TEST(OnceCache, APeekNeitherComputesNorWaits) {
  OnceCache<int> cache;
  EXPECT_EQ(cache.peek("lesson"), std::nullopt);  // never asked for
  std::promise<void> started;
  std::promise<void> release;
  std::thread slow([&] {
    cache.get("lesson", [&] {
      started.set_value();
      release.get_future().wait();
      return 7;
    });
  });
  started.get_future().wait();
  EXPECT_EQ(cache.peek("lesson"), std::nullopt);  // still being computed: no wait for it
  release.set_value();
  slow.join();
  EXPECT_EQ(cache.peek("lesson"), 7);
  EXPECT_THROW(cache.get("broken", []() -> int { throw CourseError("does not compile"); }), CourseError);
  EXPECT_EQ(cache.peek("broken"), std::nullopt);  // a failure is not a value
}

}  // namespace
}  // namespace mathlings
