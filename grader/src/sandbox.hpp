// The sandbox every learner program runs in.
//
// Theory of operation. After fork and before exec, the child enters new
// network, mount, IPC and UTS namespaces (with a user namespace too when the
// grader is not root, so that an ordinary user can do this). The new network
// namespace has no interface up: no connection leaves the process. In the new
// mount namespace, an empty read-only tmpfs is mounted over every hidden
// folder — the course's solutions, specs and shipped expected data, the build
// cache (reference runners!) and, in a batch, the other students' work — so
// those paths exist but hold nothing; so do /var/tmp and /dev/shm. The
// private scratch folder is then bound onto /tmp and entered from there: the
// program's working directory is the root of that mount, so ".." leads to "/"
// and every path it walks crosses the hiding mounts (a working directory
// entered before them would let ".." walk underneath). The program itself was
// opened before the mounts and is started from that descriptor. Then no_new_privs is set and, when the
// grader runs as root, the child becomes `nobody` with a process limit (a
// fork bomb hits it). Where namespaces cannot be made, the child runs with its
// resource limits only, and the grader says so, once, on standard error (as it
// does when MATHLINGS_UNSAFE_NO_SANDBOX is set, for debugging).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mathlings {

/// What a process spec asks of the sandbox.
struct Isolation {
  bool enabled = false;
  std::vector<std::filesystem::path> hidden;  ///< folders that appear empty inside
};

/// Prepared in the parent (allocations allowed), used in the child (none).
struct SandboxPlan {
  bool enabled = false;
  bool as_root = false;
  int executable_fd = -1;  ///< the program, opened before anything is hidden
  std::string uid_map, gid_map;
  std::vector<std::string> hidden;
  std::string scratch;  ///< bound onto /tmp and made the working directory
};

/// Plans the sandbox for one process; `executable_fd` must be closed by the
/// caller after fork. A disabled plan when namespaces are unavailable.
SandboxPlan prepare_sandbox(const Isolation& isolation, const std::filesystem::path& executable,
                            const std::filesystem::path& working_directory);

/// In the child, after chdir, before exec: only async-signal-safe calls.
/// Returns false if a step that must not fail did.
bool enter_sandbox(const SandboxPlan& plan) noexcept;

/// Why learner programs cannot be isolated here ("" when they can); probed once.
const std::string& isolation_problem();

}  // namespace mathlings
