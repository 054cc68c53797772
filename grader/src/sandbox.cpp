#include "sandbox.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>

namespace mathlings {
namespace {

constexpr uid_t nobody = 65534;
constexpr rlim_t process_limit = 64;

int namespace_flags(bool as_root) {
  return CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | (as_root ? 0 : CLONE_NEWUSER);
}

bool write_text(const char* path, const std::string& text) noexcept {
  const int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

/// unshare, and for an ordinary user map their ids into the new namespace.
bool enter_namespaces(bool as_root, const std::string& uid_map, const std::string& gid_map) noexcept {
  if (unshare(namespace_flags(as_root)) != 0) return false;
  if (as_root) return true;
  // The grader keeps itself undumpable (its memory holds the expected
  // values); the child inherits that, which would leave /proc/self/uid_map
  // owned by root. This process is about to become the learner's: let it be.
  if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) != 0) return false;
  return write_text("/proc/self/setgroups", "deny") && write_text("/proc/self/uid_map", uid_map) &&
         write_text("/proc/self/gid_map", gid_map);
}

}  // namespace

const std::string& isolation_problem() {
  static const std::string problem = [] {
    const bool as_root = geteuid() == 0;
    const std::string uid_map = "0 " + std::to_string(geteuid()) + " 1";
    const std::string gid_map = "0 " + std::to_string(getegid()) + " 1";
    const pid_t pid = fork();
    if (pid < 0) return std::string("fork failed: ") + std::strerror(errno);
    if (pid == 0) {
      if (!enter_namespaces(as_root, uid_map, gid_map)) _exit(errno ? errno : 1);
      if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) _exit(errno ? errno : 1);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::string();
    const int error = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    return std::string("this system does not let mathlings create namespaces (") +
           (error ? std::strerror(error) : "the probe crashed") +
           "; user namespaces may be disabled: see /proc/sys/user/max_user_namespaces)";
  }();
  return problem;
}

SandboxPlan prepare_sandbox(const Isolation& isolation, const std::filesystem::path& executable,
                            const std::filesystem::path& working_directory) {
  SandboxPlan plan;
  if (!isolation.enabled) return plan;
  if (std::getenv("MATHLINGS_UNSAFE_NO_SANDBOX") != nullptr) {  // for debugging, and to prove the corpus bites
    static std::once_flag warned;
    std::call_once(warned, [] {
      std::cerr << "mathlings: not isolated: MATHLINGS_UNSAFE_NO_SANDBOX is set. Learner programs run with resource "
                   "limits only.\n";
    });
    return plan;
  }
  if (!isolation_problem().empty()) {
    static std::once_flag warned;
    std::call_once(warned, [] {
      std::cerr << "mathlings: not isolated: " << isolation_problem()
                << ". Learner programs run with resource limits only: they can reach the network and read "
                   "whatever this user can read, the course's solutions included.\n";
    });
    return plan;
  }
  plan.enabled = true;
  plan.as_root = geteuid() == 0;
  plan.uid_map = "0 " + std::to_string(geteuid()) + " 1";
  plan.gid_map = "0 " + std::to_string(getegid()) + " 1";
  for (const auto& h : isolation.hidden)
    if (std::filesystem::is_directory(h)) plan.hidden.push_back(h.string());
  for (const char* shared : {"/var/tmp", "/dev/shm"})
    if (std::filesystem::is_directory(shared)) plan.hidden.push_back(shared);
  plan.scratch = working_directory.string();
  plan.executable_fd = open(executable.c_str(), O_RDONLY | O_CLOEXEC);
  // As root the program runs as nobody, who must be able to work in scratch.
  if (plan.as_root && !working_directory.empty()) {
    [[maybe_unused]] const int ignored = chown(working_directory.c_str(), nobody, nobody);
  }
  return plan;
}

bool enter_sandbox(const SandboxPlan& plan) noexcept {
  if (!plan.enabled) return true;
  if (plan.executable_fd < 0) return false;
  if (!enter_namespaces(plan.as_root, plan.uid_map, plan.gid_map)) return false;
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
  for (const auto& path : plan.hidden) {
    if (mount("mathlings-hidden", path.c_str(), "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "size=4k,mode=0555") != 0) {
      return false;
    }
  }
  if (!plan.scratch.empty()) {
    if (mount(plan.scratch.c_str(), "/tmp", nullptr, MS_BIND | MS_REC | MS_NOSUID | MS_NODEV, nullptr) != 0 ||
        chdir("/tmp") != 0) {
      return false;
    }
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  if (plan.as_root) {
    const rlimit processes{process_limit, process_limit};
    if (setrlimit(RLIMIT_NPROC, &processes) != 0) return false;
    if (setgroups(0, nullptr) != 0 || setgid(nobody) != 0 || setuid(nobody) != 0) return false;
  }
  return true;
}

}  // namespace mathlings
