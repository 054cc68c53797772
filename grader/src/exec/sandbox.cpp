#include "exec/sandbox.hpp"

#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string_view>

namespace mathlings {
namespace {

// As root, each run becomes a user of its own from this range (no account
// needed): RLIMIT_NPROC counts a user's processes machine-wide, so with one
// shared user a fork bomb in one run would stop every other run from starting.
constexpr uid_t first_run_uid = 200000;
constexpr uid_t run_uids = 100000;
constexpr rlim_t process_limit = 64;

int namespace_flags(bool as_root) {
  return CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWPID | (as_root ? 0 : CLONE_NEWUSER);
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

bool sandbox_available() {
  if (std::getenv("MATHLINGS_UNSAFE_NO_SANDBOX") != nullptr) {  // for debugging, and to prove the corpus bites
    static std::once_flag warned;
    std::call_once(warned, [] {
      std::cerr << "mathlings: not isolated: MATHLINGS_UNSAFE_NO_SANDBOX is set. Learner programs and the compiler "
                   "run with resource limits only.\n";
    });
    return false;
  }
  if (!isolation_problem().empty()) {
    static std::once_flag warned;
    std::call_once(warned, [] {
      std::cerr << "mathlings: not isolated: " << isolation_problem()
                << ". Learner programs and the compiler run with resource limits only: they can reach the network "
                   "and read whatever this user can read, the course's solutions included.\n";
    });
    return false;
  }
  return true;
}

SandboxPlan prepare_sandbox(const Isolation& isolation, const std::filesystem::path& executable,
                            const std::filesystem::path& working_directory, const std::filesystem::path& new_root) {
  namespace fs = std::filesystem;
  SandboxPlan plan;
  if (!isolation.enabled || !sandbox_available()) return plan;
  plan.enabled = true;
  plan.as_root = geteuid() == 0;
  plan.uid_map = "0 " + std::to_string(geteuid()) + " 1";
  plan.gid_map = "0 " + std::to_string(getegid()) + " 1";
  plan.new_root = new_root.string();
  plan.old_root = plan.new_root + "/.old-root";
  const auto inside = [&](const std::string& path) { return plan.new_root + path; };
  plan.binds.push_back({"/usr", inside("/usr"), true, true});
  for (const char* top : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
    std::error_code ec;
    if (fs::is_symlink(top, ec)) {
      plan.symlinks.emplace_back(inside(top), fs::read_symlink(top, ec).string());
    } else if (fs::is_directory(top, ec)) {
      plan.binds.push_back({top, inside(top), true, true});
    }
  }
  if (fs::exists("/etc/ld.so.cache"))
    plan.binds.push_back({"/etc/ld.so.cache", inside("/etc/ld.so.cache"), false, true});
  for (const char* device : {"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"}) {
    if (isolation.all_devices || device == std::string_view("/dev/null"))
      plan.binds.push_back({device, inside(device), false, false});
  }
  for (const auto& view : isolation.views) {
    plan.binds.push_back({view.host.string(), inside(view.inside), fs::is_directory(view.host), true});
  }
  plan.working_directory = isolation.working_directory;
  plan.binds.push_back({working_directory.string(), inside(plan.working_directory), true, false});
  // Above 3: the child puts its pipes on 0–3, and another thread's close may
  // have left one of those numbers free.
  const int fd = open(executable.c_str(), O_RDONLY | O_CLOEXEC);
  plan.executable_fd = fd < 0 ? fd : fcntl(fd, F_DUPFD_CLOEXEC, 4);
  if (fd >= 0) close(fd);
  // As root the program runs as a user of its own, who must be able to work in scratch.
  if (plan.as_root) {
    static std::atomic<unsigned> runs{0};
    plan.run_uid = first_run_uid + (static_cast<uid_t>(getpid()) * 1024 + runs++) % run_uids;
    [[maybe_unused]] const int ignored = chown(working_directory.c_str(), plan.run_uid, plan.run_uid);
  }
  return plan;
}

namespace {

/// Makes a bind mount read-only, keeping the flags a user namespace may not drop.
bool remount_read_only(const char* target) noexcept {
  struct statvfs info {};
  if (statvfs(target, &info) != 0) return false;
  unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID;
  if (info.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (info.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (info.f_flag & ST_NOATIME) flags |= MS_NOATIME;
  if (info.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (info.f_flag & ST_RELATIME) flags |= MS_RELATIME;
  return mount(nullptr, target, nullptr, flags, nullptr) == 0;
}

/// mkdir -p for a path inside the new root, without allocating.
void make_parents(const std::string& path) noexcept {
  char buffer[4096];
  if (path.size() >= sizeof buffer) return;
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    std::memcpy(buffer, path.data(), i);
    buffer[i] = '\0';
    mkdir(buffer, 0755);
  }
}

/// In a user namespace the child is root with every capability there: it
/// could unmount /tmp to look beneath or remount the root writable. Lock
/// root out of its privileges so that the exec that follows leaves none.
bool drop_namespace_root() noexcept {
  for (int cap = 0; cap <= CAP_LAST_CAP; ++cap) {
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) return false;
  }
  const unsigned long bits = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                             SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED;
  return prctl(PR_SET_SECUREBITS, bits, 0, 0, 0) == 0;
}

}  // namespace

bool enter_sandbox(const SandboxPlan& plan) noexcept {
  if (!plan.enabled) return true;
  if (plan.executable_fd < 0) return false;
  if (!enter_namespaces(plan.as_root, plan.uid_map, plan.gid_map)) return false;
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
  if (mount("mathlings-root", plan.new_root.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") != 0) {
    return false;
  }
  for (const auto& bind : plan.binds) {
    make_parents(bind.to);
    if (bind.directory) {
      mkdir(bind.to.c_str(), 0755);
    } else {
      const int fd = open(bind.to.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
      if (fd >= 0) close(fd);
    }
    if (mount(bind.from.c_str(), bind.to.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) return false;
    if (bind.read_only && !remount_read_only(bind.to.c_str())) return false;
  }
  for (const auto& [path, target] : plan.symlinks) {
    if (symlink(target.c_str(), path.c_str()) != 0) return false;
  }
  if (mkdir(plan.old_root.c_str(), 0700) != 0) return false;
  if (syscall(SYS_pivot_root, plan.new_root.c_str(), plan.old_root.c_str()) != 0) return false;
  if (chdir("/") != 0 || umount2("/.old-root", MNT_DETACH) != 0 || rmdir("/.old-root") != 0) return false;
  if (!remount_read_only("/")) return false;  // the new root itself: nothing to write but /tmp
  if (chdir(plan.working_directory.c_str()) != 0) return false;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  // A process limit: as root for the run's own user; otherwise RLIMIT_NPROC
  // counts the processes of this user namespace's root, that is this run's.
  const rlimit processes{process_limit, process_limit};
  if (setrlimit(RLIMIT_NPROC, &processes) != 0) return false;
  if (plan.as_root) {
    return setgroups(0, nullptr) == 0 && setgid(plan.run_uid) == 0 && setuid(plan.run_uid) == 0;
  }
  return drop_namespace_root();
}

}  // namespace mathlings
