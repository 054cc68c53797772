// Runs one program in a separate process under resource limits and collects
// what it wrote, without ever blocking on it.
//
// The child gets its own process group (so that everything it starts is
// killed with it), a fresh working directory, the environment given (nothing
// else), and setrlimit limits for CPU time, address space, file size and open
// files. The parent feeds standard input, reads standard output and error
// (merged) and, optionally, the result descriptor, each up to a cap, and
// enforces the wall-clock limit. Whatever happens, the whole process group is
// killed before run_process returns.
//
// CPU time decides; wall time only guards against a program that sleeps. At
// the wall-time guard the group is judged by what it did since the last look:
// its CPU time and the time its threads spent ready to run but waiting for a
// CPU (the kernel's run delay, /proc/PID/task/TID/schedstat). A program that
// neither ran nor waited to run slept or blocked: it is stopped (idle). One
// that was ready to run but the machine ran others is given another guard's
// time, up to max_wall_seconds; stopped there it was held back by the
// machine's load, no fault of its own (ProcessResult::starved): callers try
// it again and, failing that, say it could not be graded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "exec/sandbox.hpp"

namespace mathlings {

struct Limits {
  double wall_seconds = 10;         ///< a guard against sleeping: generous, never the limit that judges
  double max_wall_seconds = 0;      ///< how long a program held back by load may run (0: wall_seconds)
  double cpu_seconds = 0;           ///< 0: no limit; for the whole process group at each guard
  std::uint64_t address_space = 0;  ///< bytes; 0: no limit
  std::uint64_t file_size = 0;      ///< bytes; 0: no limit
  std::uint64_t open_files = 64;
  std::size_t output_bytes = 1 << 20;   ///< stdout + stderr kept; more is an output-limit end
  std::size_t result_bytes = 64 << 20;  ///< result descriptor kept; more is an output-limit end

  /// CPU time that decides, with wall-time guards around it: a sleeping
  /// program is stopped after cpu + 1 s; one the machine holds back may run
  /// 5 × (cpu + 2) s — room for a machine several times over-committed.
  static Limits of_cpu_time(double cpu_seconds);
};

struct ProcessSpec {
  std::vector<std::string> argv;
  std::vector<std::string> environment;  ///< "NAME=value"; nothing is inherited
  std::filesystem::path working_directory;
  std::string input;
  bool with_result_channel = false;  ///< open protocol::result_fd in the child
  Limits limits;
  Isolation isolation;  ///< for learner programs: see sandbox.hpp
};

struct ProcessResult {
  enum class End {
    exited,           ///< exit_code is valid
    signaled,         ///< signal is valid (a crash, or the CPU limit)
    wall_timeout,     ///< killed by us after limits.wall_seconds
    output_limit,     ///< killed by us for writing too much
    failed_to_start,  ///< exec failed; output says why
  };
  End end = End::failed_to_start;
  int exit_code = -1;
  int signal = 0;
  bool cpu_limit_exceeded = false;
  std::string output;   ///< stdout and stderr, interleaved as written
  std::string results;  ///< what arrived on the result descriptor
  double wall_seconds = 0;
  double cpu_seconds = 0;
  /// At a wall_timeout: how long its threads were ready to run but waited for
  /// a CPU (negative when the kernel does not say).
  double waiting_seconds = 0;
  /// At a wall_timeout: it was still ready to run, held back by the load,
  /// when max_wall_seconds ran out.
  bool held_back = false;
  long max_rss_kib = 0;

  bool succeeded() const { return end == End::exited && exit_code == 0; }
  /// Stopped at the last wall-time guard, under its CPU limit, still held
  /// back by the machine: the machine was too busy, not the program too slow.
  bool starved() const { return end == End::wall_timeout && !cpu_limit_exceeded && held_back; }
  /// Stopped at a wall-time guard, under its CPU limit, having neither run nor
  /// waited to run since the last: it slept or blocked (its own doing).
  bool idle() const;
};

ProcessResult run_process(const ProcessSpec& spec);

/// From now on, at most `n` processes started by run_process run at once (0:
/// no limit); the others wait for a slot before they start, so that their
/// limits count from then. Lets more threads wait on work than there are
/// cores: batch grades students and their exercises in parallel, and a
/// thread that waits for a compile another started costs nothing.
void limit_concurrent_processes(unsigned n);

/// "segmentation fault", "abort", … for a learner-facing message.
std::string signal_description(int signal);

}  // namespace mathlings
