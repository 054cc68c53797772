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
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sandbox.hpp"

namespace mathlings {

struct Limits {
  double wall_seconds = 10;
  double cpu_seconds = 0;           ///< 0: no limit
  std::uint64_t address_space = 0;  ///< bytes; 0: no limit
  std::uint64_t file_size = 0;      ///< bytes; 0: no limit
  std::uint64_t open_files = 64;
  std::size_t output_bytes = 1 << 20;   ///< stdout + stderr kept; more is an output-limit end
  std::size_t result_bytes = 64 << 20;  ///< result descriptor kept; more is an output-limit end
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
  long max_rss_kib = 0;

  bool succeeded() const { return end == End::exited && exit_code == 0; }
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
