// Artificial load for tests: busy processes pinned to one CPU, beside which a
// program pinned to the same CPU gets only its share of it. A machine shared
// with other work looks like this to a grader.
#pragma once

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace mathlings::testing {

/// Pins the calling thread (and so what it forks from now on) to `cpu`;
/// restores the earlier affinity when it goes out of scope.
class PinnedToCpu {
 public:
  explicit PinnedToCpu(int cpu) {
    sched_getaffinity(0, sizeof before_, &before_);
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    sched_setaffinity(0, sizeof one, &one);
  }
  ~PinnedToCpu() { sched_setaffinity(0, sizeof before_, &before_); }
  PinnedToCpu(const PinnedToCpu&) = delete;
  PinnedToCpu& operator=(const PinnedToCpu&) = delete;

 private:
  cpu_set_t before_{};
};

/// `count` processes that spin on `cpu` until this object goes.
class CpuHogs {
 public:
  CpuHogs(int count, int cpu) {
    for (int k = 0; k < count; ++k) {
      const pid_t pid = fork();
      if (pid == 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        sched_setaffinity(0, sizeof one, &one);
        volatile unsigned long spin = 0;
        for (;;) spin = spin + 1;
      }
      if (pid > 0) pids_.push_back(pid);
    }
  }
  ~CpuHogs() {
    for (const pid_t pid : pids_) kill(pid, SIGKILL);
    for (const pid_t pid : pids_) waitpid(pid, nullptr, 0);
  }
  CpuHogs(const CpuHogs&) = delete;
  CpuHogs& operator=(const CpuHogs&) = delete;

 private:
  std::vector<pid_t> pids_;
};

}  // namespace mathlings::testing
