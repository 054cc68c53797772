// The sandbox every learner program, and every compile and link of learner
// code, runs in.
//
// Theory of operation. After fork and before exec, the child enters new
// network, mount, IPC and UTS namespaces (with a user namespace too when the
// grader is not root, so that an ordinary user can do this). The new network
// namespace has no interface up: no connection leaves the process. In the new
// mount namespace the child builds a root of its own on an empty tmpfs: the
// system's /usr (and any real /lib*, /bin, /sbin folders; symbolic links as on
// the host) bound read-only, /etc/ld.so.cache for the dynamic loader,
// /dev/null (and zero, random, urandom for programs), the read-only views the
// caller asked for (a compiler's inputs), and its private scratch folder as
// its working directory (/tmp unless asked otherwise) — and pivots into it,
// detaching the old root. Nothing else of the machine exists in there: not
// the course, not the build cache with its reference runners, not another
// copy of the course elsewhere, not the other students' work, not /proc. The
// program itself was opened before and is started from that descriptor.
//
// The namespaces include a new PID namespace. The child that made them (C,
// outside it) forks G, the namespace's PID 1, which forks H: the learner's
// program. G waits for H and hands H's wait status to C through a pipe; C
// then ends the same way (re-raising H's signal), so the grader sees exactly
// what the program did. When G ends, the kernel kills whatever H left behind
// in the namespace — a detached setsid() child included — and from inside,
// no process outside (the grader) can even be named.
//
// Before G is forked, C sets no_new_privs and a limit of 64 processes, and
// gives up privilege: as root it becomes an unprivileged user of its own (one
// per run; RLIMIT_NPROC then counts that user's processes only); as an
// ordinary user it is root of its user namespace (where RLIMIT_NPROC counts
// the namespace's processes only) and drops every capability and locks root
// out of regaining any at exec (SECBIT_NOROOT), so the program cannot
// unmount or remount its view. Where namespaces cannot be made, the child
// runs with its resource limits only, and the grader says so, once, on
// standard error (as it does when MATHLINGS_UNSAFE_NO_SANDBOX is set, for
// debugging).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mathlings {

/// What a process spec asks of the sandbox.
struct Isolation {
  bool enabled = false;
  /// More of the machine, made visible read-only at a path of the sandbox's
  /// root (the compiler's inputs); a file or a folder.
  struct View {
    std::filesystem::path host;
    std::string inside;
  };
  std::vector<View> views;
  /// /dev/zero, /dev/random and /dev/urandom besides /dev/null: a program may
  /// want them; the compiler has no business reading them.
  bool all_devices = true;
  /// Where the process's working folder (its only writable place) appears.
  std::string working_directory = "/tmp";
};

/// Whether learner processes are isolated on this machine: namespaces can be
/// made and MATHLINGS_UNSAFE_NO_SANDBOX is not set. Says why not, once, on
/// standard error.
bool sandbox_available();

/// Prepared in the parent (allocations allowed), used in the child (none).
struct SandboxPlan {
  bool enabled = false;
  bool as_root = false;
  unsigned run_uid = 0;    ///< as root: the unprivileged user this run becomes
  int executable_fd = -1;  ///< the program, opened before anything is hidden
  std::string uid_map, gid_map;
  std::string new_root;           ///< an empty folder made by the parent: the tmpfs goes there
  std::string working_directory;  ///< inside the new root
  struct Bind {
    std::string from, to;  ///< `to` inside new_root
    bool directory = true;
    bool read_only = true;
  };
  std::vector<Bind> binds;
  std::vector<std::pair<std::string, std::string>> symlinks;  ///< (path inside new_root, target)
  std::string old_root;                                       ///< new_root + "/.old-root", for pivot_root
};

/// Plans the sandbox for one process; `new_root` is an empty folder that
/// outlives it; `executable_fd` must be closed by the caller after fork. A
/// disabled plan when namespaces are unavailable.
SandboxPlan prepare_sandbox(const Isolation& isolation, const std::filesystem::path& executable,
                            const std::filesystem::path& working_directory, const std::filesystem::path& new_root);

/// In the child, after chdir, before exec: only async-signal-safe calls.
/// Returns false if a step that must not fail did.
bool enter_sandbox(const SandboxPlan& plan) noexcept;

/// Why learner programs cannot be isolated here ("" when they can); probed once.
const std::string& isolation_problem();

}  // namespace mathlings
