#include "exec/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "common/protocol.hpp"

namespace mathlings {
namespace {

using Clock = std::chrono::steady_clock;

/// The child puts its pipes on 0–3; a descriptor of ours that another
/// thread's close left on one of those numbers would be overwritten there.
int clear_of_standard_descriptors(int fd) {
  if (fd > protocol::result_fd) return fd;
  const int moved = fcntl(fd, F_DUPFD_CLOEXEC, protocol::result_fd + 1);
  close(fd);
  if (moved < 0) throw GraderError(std::string("fcntl: ") + std::strerror(errno));
  return moved;
}

struct Pipe {
  int read_end = -1;
  int write_end = -1;
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw GraderError(std::string("pipe: ") + std::strerror(errno));
    read_end = clear_of_standard_descriptors(fds[0]);
    write_end = clear_of_standard_descriptors(fds[1]);
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void close_read() {
    if (read_end >= 0) close(read_end);
    read_end = -1;
  }
  void close_write() {
    if (write_end >= 0) close(write_end);
    write_end = -1;
  }
};

void set_limit(int resource, rlim_t value) {
  const rlimit limit{value, value};
  setrlimit(resource, &limit);
}

/// Closes every descriptor above the result descriptor except `a` and `b`.
void close_all_but(int a, int b) {
  const auto close_range_of = [](unsigned first, unsigned last) {
    if (first > last) return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, first, last, 0) == 0) return;
#endif
    for (unsigned fd = first; fd <= std::min(last, 4095u); ++fd) close(static_cast<int>(fd));
  };
  unsigned next = protocol::result_fd + 1;
  for (const int keep : {std::min(a, b), std::max(a, b)}) {
    if (keep < static_cast<int>(next)) continue;
    close_range_of(next, static_cast<unsigned>(keep) - 1);
    next = static_cast<unsigned>(keep) + 1;
  }
  close_range_of(next, ~0U);
}

/// What the grader starts must not outlive it (Ctrl-C on a batch, a cancelled
/// CI job): its limits on wall time are kept by the grader, and a program that
/// pauses would wait for ever. The kernel clears this on a change of user, so
/// it is asked for after the sandbox's; and the parent may already be gone.
void die_with_parent(pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
}

[[noreturn]] void report_and_exit(int exec_error_fd) {
  const int error = errno ? errno : EPERM;
  [[maybe_unused]] auto ignored = write(exec_error_fd, &error, sizeof error);
  _exit(127);
}

/// Runs in the forked child: only async-signal-safe calls until exec.
[[noreturn]] void exec_child(const ProcessSpec& spec, const SandboxPlan& sandbox, char* const* argv, char* const* envp,
                             Pipe& input, Pipe& output, Pipe* results, Pipe& exec_error, pid_t grader) {
  setpgid(0, 0);
  umask(022);  // what it makes (a compiler's objects) may be read by the next sandboxed step
  dup2(input.read_end, STDIN_FILENO);
  dup2(output.write_end, STDOUT_FILENO);
  dup2(output.write_end, STDERR_FILENO);
  if (results != nullptr) dup2(results->write_end, protocol::result_fd);
  // dup2 onto itself would keep close-on-exec: make sure these four survive exec.
  for (int fd = 0; fd <= protocol::result_fd; ++fd) fcntl(fd, F_SETFD, 0);
  // Everything else is close-on-exec already (pipes are made with O_CLOEXEC).
  const Limits& limits = spec.limits;
  if (limits.cpu_seconds > 0) {
    const auto seconds = static_cast<rlim_t>(std::ceil(limits.cpu_seconds));
    const rlimit cpu{seconds, seconds + 1};  // SIGXCPU first, SIGKILL a second later
    setrlimit(RLIMIT_CPU, &cpu);
  }
  if (limits.address_space > 0) set_limit(RLIMIT_AS, limits.address_space);
  if (limits.file_size > 0) set_limit(RLIMIT_FSIZE, limits.file_size);
  set_limit(RLIMIT_NOFILE, limits.open_files);
  set_limit(RLIMIT_CORE, 0);
  if (!spec.working_directory.empty() && chdir(spec.working_directory.c_str()) != 0) {
    const int error = errno;
    [[maybe_unused]] auto ignored = write(exec_error.write_end, &error, sizeof error);
    _exit(127);
  }
  if (!enter_sandbox(sandbox)) report_and_exit(exec_error.write_end);
  die_with_parent(grader);
  if (!sandbox.enabled) {
    execve(argv[0], argv, envp);
    report_and_exit(exec_error.write_end);
  }
  // C: outside the new PID namespace; see sandbox.hpp. C and G never exec,
  // so close-on-exec never closes what they inherited from the grader — the
  // write ends of this and other runners' input pipes among them, which
  // would keep every runner waiting for the end of its input. Keep only
  // 0–3, the exec-error report and the program.
  close_all_but(exec_error.write_end, sandbox.executable_fd);
  int status_pipe[2];
  if (pipe2(status_pipe, O_CLOEXEC) != 0) report_and_exit(exec_error.write_end);
  const pid_t init = fork();
  if (init < 0) report_and_exit(exec_error.write_end);
  if (init == 0) {
    // G: PID 1 of the namespace; when it ends, so does all inside. (Its
    // parent, C, is outside: getppid() says 0 here, so no check of a race.)
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(status_pipe[0]);
    const pid_t program = fork();
    if (program < 0) report_and_exit(exec_error.write_end);
    if (program == 0) {
      // H: the learner's program.
      close(status_pipe[1]);
      fexecve(sandbox.executable_fd, argv, envp);  // its path does not exist in here
      report_and_exit(exec_error.write_end);
    }
    exec_error.close_write();  // the grader reads on until H has exec'd
    int status = 0;
    while (waitpid(program, &status, 0) < 0 && errno == EINTR) {
    }
    [[maybe_unused]] auto ignored = write(status_pipe[1], &status, sizeof status);
    _exit(0);  // and the kernel ends all that H left running in the namespace
  }
  exec_error.close_write();
  close(status_pipe[1]);
  int init_status = 0;
  while (waitpid(init, &init_status, 0) < 0 && errno == EINTR) {
  }
  int status = init_status;
  [[maybe_unused]] auto got = read(status_pipe[0], &status, sizeof status);
  if (WIFSIGNALED(status)) {  // end as H ended
    signal(WTERMSIG(status), SIG_DFL);
    sigset_t all;
    sigemptyset(&all);
    sigaddset(&all, WTERMSIG(status));
    sigprocmask(SIG_UNBLOCK, &all, nullptr);
    raise(WTERMSIG(status));
    _exit(128 + WTERMSIG(status));
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

/// Reads what is available; returns false at end of file.
bool drain(int fd, std::string& into, std::size_t cap, bool& over_cap) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      const std::size_t room = cap > into.size() ? cap - into.size() : 0;
      into.append(buffer, std::min(room, static_cast<std::size_t>(n)));
      if (static_cast<std::size_t>(n) > room) over_cap = true;
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

/// fork, waiting out a short shortage of processes (EAGAIN: another program
/// of this user, maybe a learner's, is near the user's process limit).
pid_t fork_patiently() {
  auto pause = std::chrono::milliseconds(5);
  for (int attempt = 0;; ++attempt) {
    const pid_t pid = fork();
    if (pid >= 0 || errno != EAGAIN || attempt == 10) return pid;
    std::this_thread::sleep_for(pause);
    pause *= 2;
  }
}

/// The slots of limit_concurrent_processes: one is held for each run.
class ProcessSlots {
 public:
  void limit(unsigned n) {
    std::lock_guard lock(mutex_);
    limit_ = n;
    freed_.notify_all();
  }
  void acquire() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return limit_ == 0 || running_ < limit_; });
    ++running_;
  }
  void release() {
    std::lock_guard lock(mutex_);
    --running_;
    freed_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  unsigned limit_ = 0;
  unsigned running_ = 0;
};

ProcessSlots& process_slots() {
  static ProcessSlots slots;
  return slots;
}

struct HeldSlot {
  HeldSlot() { process_slots().acquire(); }
  ~HeldSlot() { process_slots().release(); }
  HeldSlot(const HeldSlot&) = delete;
  HeldSlot& operator=(const HeldSlot&) = delete;
};

/// What a process group has used so far, as a wall-time guard looks at it.
struct GroupUsage {
  double cpu_seconds = 0;
  double waiting_seconds = 0;
  bool waiting_known = false;
  /// A thread ready to run (or in an uninterruptible wait) right now: the
  /// kernel adds a wait to the run delay only once the thread gets a CPU, so
  /// one that never got one since shows no delay at all.
  bool runnable_now = false;
};

/// Reads /proc for every process of the group `group`: their CPU time (their
/// reaped children's included) and each thread's run delay. Processes inside
/// a PID namespace show here under the host's numbers, in the same group.
GroupUsage sample_group(pid_t group) {
  GroupUsage usage;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    const auto name_end = line.rfind(')');  // the command name may hold spaces and parentheses
    if (name_end == std::string::npos) continue;
    std::istringstream fields(line.substr(name_end + 2));
    std::string state;
    long long parent = 0, process_group = 0;
    fields >> state >> parent >> process_group;
    if (!fields || process_group != group) continue;
    std::string skip;
    for (int field = 6; field <= 13; ++field) fields >> skip;
    unsigned long long utime = 0, stime = 0;
    long long cutime = 0, cstime = 0;
    fields >> utime >> stime >> cutime >> cstime;
    if (fields) usage.cpu_seconds += static_cast<double>(utime + stime + cutime + cstime) / ticks;
    for (const auto& task : fs::directory_iterator(entry.path() / "task", ec)) {
      std::ifstream task_stat(task.path() / "stat");
      std::string task_line;
      if (std::getline(task_stat, task_line)) {
        const auto end = task_line.rfind(')');
        if (end != std::string::npos && end + 2 < task_line.size()) {
          const char task_state = task_line[end + 2];
          if (task_state == 'R' || task_state == 'D') usage.runnable_now = true;
        }
      }
      std::ifstream schedstat(task.path() / "schedstat");
      unsigned long long on_cpu = 0, waiting = 0;
      if (schedstat >> on_cpu >> waiting) {
        usage.waiting_seconds += static_cast<double>(waiting) / 1e9;
        usage.waiting_known = true;
      }
    }
  }
  return usage;
}

/// Judges a group at each wall-time guard by what it did since the last one.
class WallGuard {
 public:
  enum class Verdict { out_of_cpu_time, idle, held_back };
  WallGuard(pid_t group, Clock::time_point start) : group_(group), last_time_(start) {}

  Verdict judge(Clock::time_point now, double cpu_limit) {
    const GroupUsage usage = sample_group(group_);
    const double period = std::chrono::duration<double>(now - last_time_).count();
    const double computed = usage.cpu_seconds - last_.cpu_seconds;
    const double waited = usage.waiting_seconds - last_.waiting_seconds;
    last_ = usage;
    last_time_ = now;
    if (cpu_limit > 0 && usage.cpu_seconds >= cpu_limit) return Verdict::out_of_cpu_time;
    // Without the kernel's run delay, a program that computed at all is given
    // the benefit of the doubt: a sleeping one uses next to no CPU time.
    const bool busy =
        usage.runnable_now || (usage.waiting_known ? computed + waited >= 0.5 * period : computed >= 0.1 * period);
    return busy ? Verdict::held_back : Verdict::idle;
  }
  /// The group's whole usage now.
  GroupUsage total() const { return sample_group(group_); }

 private:
  pid_t group_;
  GroupUsage last_;
  Clock::time_point last_time_;
};

}  // namespace

bool ProcessResult::idle() const {
  return end == End::wall_timeout && !cpu_limit_exceeded && !held_back;
}

Limits Limits::of_cpu_time(double cpu_seconds) {
  Limits limits;
  limits.cpu_seconds = cpu_seconds;
  // The guard judges by what the program did, not by how long it took, so
  // it need not be long: a program that neither ran nor waited to run for
  // its whole CPU budget and a second is asleep.
  limits.wall_seconds = cpu_seconds + 1;
  limits.max_wall_seconds = 5 * (cpu_seconds + 2);
  return limits;
}

void limit_concurrent_processes(unsigned n) {
  process_slots().limit(n);
}

ProcessResult run_process(const ProcessSpec& spec) {
  if (spec.argv.empty()) throw GraderError("run_process: no program");
  const HeldSlot slot;
  Pipe input, output, exec_error;
  std::unique_ptr<Pipe> results;
  if (spec.with_result_channel) results = std::make_unique<Pipe>();
  const auto argv = c_strings(spec.argv);
  const auto envp = c_strings(spec.environment);

  std::optional<TemporaryDirectory> root_mount_point;  // empty on the host; the child's root inside
  if (spec.isolation.enabled) root_mount_point.emplace(fs::temp_directory_path(), "mathlings-root-");
  const SandboxPlan sandbox = prepare_sandbox(spec.isolation, spec.argv[0], spec.working_directory,
                                              root_mount_point ? root_mount_point->path() : fs::path());
  const auto start = Clock::now();
  const pid_t grader = getpid();
  const pid_t pid = fork_patiently();
  if (pid < 0) throw GraderError(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) exec_child(spec, sandbox, argv.data(), envp.data(), input, output, results.get(), exec_error, grader);
  if (sandbox.executable_fd >= 0) close(sandbox.executable_fd);
  setpgid(pid, pid);  // also done by the child; whichever runs first wins

  input.close_read();
  output.close_write();
  if (results) results->close_write();
  exec_error.close_write();

  ProcessResult result;
  int exec_errno = 0;
  if (read(exec_error.read_end, &exec_errno, sizeof exec_errno) == sizeof exec_errno) {
    waitpid(pid, nullptr, 0);
    result.end = ProcessResult::End::failed_to_start;
    result.output = "cannot start " + spec.argv[0] + ": " + std::strerror(exec_errno);
    return result;
  }

  for (int fd : {input.write_end, output.read_end, results ? results->read_end : -1})
    if (fd >= 0) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  signal(SIGPIPE, SIG_IGN);  // a child that closes stdin must not kill us

  const int pidfd = open_pidfd(pid);
  std::size_t written = 0;
  if (spec.input.empty()) input.close_write();
  bool over_cap = false;
  bool exited = false;
  bool killed_for_time = false;
  int status = 0;
  rusage usage{};
  const auto seconds = [](double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
  };
  auto deadline = start + seconds(spec.limits.wall_seconds);
  const auto last_deadline = start + seconds(std::max(spec.limits.wall_seconds, spec.limits.max_wall_seconds));
  WallGuard guard(pid, start);
  bool held_back = false;

  while (!exited) {
    if (wait4(pid, &status, WNOHANG, &usage) == pid) {
      exited = true;
      break;
    }
    const auto now = Clock::now();
    if (now >= deadline) {
      const WallGuard::Verdict verdict = guard.judge(now, spec.limits.cpu_seconds);
      if (verdict == WallGuard::Verdict::held_back && now < last_deadline) {
        // Ready to run, but the machine ran others: it may have the time it needs.
        deadline = std::min(last_deadline, now + seconds(spec.limits.wall_seconds));
        continue;
      }
      held_back = verdict == WallGuard::Verdict::held_back;
      killed_for_time = true;
      break;
    }
    std::array<pollfd, 4> fds{};
    nfds_t count = 0;
    auto watch = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = pollfd{fd, events, 0};
    };
    watch(input.write_end, POLLOUT);
    watch(output.read_end, POLLIN);
    watch(results ? results->read_end : -1, POLLIN);
    watch(pidfd, POLLIN);
    // Without a pidfd we cannot sleep until the exit itself, so wake often.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    const int timeout = static_cast<int>(std::min<long long>(left + 1, pidfd >= 0 ? 1000 : 5));
    if (poll(fds.data(), count, timeout) < 0 && errno != EINTR) break;
    for (nfds_t k = 0; k < count; ++k) {
      if (fds[k].revents == 0) continue;
      if (fds[k].fd == input.write_end) {
        const ssize_t n = write(input.write_end, spec.input.data() + written, spec.input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == spec.input.size()) {
          input.close_write();
        }
      } else if (fds[k].fd == output.read_end) {
        if (!drain(output.read_end, result.output, spec.limits.output_bytes, over_cap)) output.close_read();
      } else if (results && fds[k].fd == results->read_end) {
        if (!drain(results->read_end, result.results, spec.limits.result_bytes, over_cap)) {
          results->close_read();
        }
      }
    }
    if (over_cap) break;
  }

  std::optional<GroupUsage> at_stop;
  if (killed_for_time) {
    kill(-pid, SIGSTOP);  // hold still while we look: no more CPU time after the guard
    at_stop = guard.total();
  }
  // Whatever the child left running dies with it.
  kill(-pid, SIGKILL);
  if (!exited) wait4(pid, &status, 0, &usage);
  if (output.read_end >= 0) drain(output.read_end, result.output, spec.limits.output_bytes, over_cap);
  if (results && results->read_end >= 0) {
    drain(results->read_end, result.results, spec.limits.result_bytes, over_cap);
  }
  if (pidfd >= 0) close(pidfd);

  result.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.max_rss_kib = usage.ru_maxrss;
  if (at_stop) {
    // The group's processes were killed before anyone reaped them: wait4's
    // figures miss them, the sample does not.
    result.cpu_seconds = std::max(result.cpu_seconds, at_stop->cpu_seconds);
    result.waiting_seconds = at_stop->waiting_known ? at_stop->waiting_seconds : -1;
    result.held_back = held_back;
  }
  if (spec.limits.cpu_seconds > 0 && result.cpu_seconds >= spec.limits.cpu_seconds) {
    result.cpu_limit_exceeded = true;
  }
  if (over_cap) {
    result.end = ProcessResult::End::output_limit;
  } else if (killed_for_time) {
    result.end = ProcessResult::End::wall_timeout;
  } else if (WIFSIGNALED(status)) {
    result.end = ProcessResult::End::signaled;
    result.signal = WTERMSIG(status);
    if (result.signal == SIGXCPU) result.cpu_limit_exceeded = true;
  } else {
    result.end = ProcessResult::End::exited;
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

std::string signal_description(int signal) {
  switch (signal) {
    case SIGSEGV: return "segmentation fault (SIGSEGV)";
    case SIGBUS: return "bus error (SIGBUS)";
    case SIGABRT: return "abort (SIGABRT)";
    case SIGFPE: return "arithmetic exception (SIGFPE)";
    case SIGILL: return "illegal instruction (SIGILL)";
    case SIGKILL: return "killed (SIGKILL)";
    case SIGXCPU: return "CPU time limit (SIGXCPU)";
    case SIGXFSZ: return "file size limit (SIGXFSZ)";
    case SIGTERM: return "terminated (SIGTERM)";
    case SIGPIPE: return "broken pipe (SIGPIPE)";
    default: return std::string("signal ") + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
}

}  // namespace mathlings
