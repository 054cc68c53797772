// The runner: the only program that executes learner code.
//
// It is linked from the learner's (or the reference's) object file, the
// exercise's generated bindings and this file, and started by the grader once
// per test, inside the limits the grader sets. It reads the whole request
// before any learner function runs, answers every call on result_fd, and ends
// with "done". Anything the learner prints goes to stdout/stderr, which the
// grader only shows; an early exit, a crash or a hang simply leaves answers
// missing, which the grader treats as that test's failure.
#include <cxxabi.h>
#include <execinfo.h>
#include <fcntl.h>
#include <ucontext.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "mathlings_harness/bind.hpp"

namespace mathlings::harness {

std::string type_name(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
  return status == 0 && name ? name.get() : type.name();
}

}  // namespace mathlings::harness

namespace {

std::string read_all(int fd) {
  std::string data;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      data.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return data;
    }
  }
}

// The executable's own addresses run from __executable_start to _end (both
// set by the linker); a return address there, minus the start, is what
// addr2line needs.
extern "C" char __executable_start;
extern "C" char _end;

void* crash_frames[48];
char crash_line[8 + 49 * 17];
alignas(16) char alternate_stack[64 * 1024];  // a stack overflow leaves no room on the stack itself

/// Appends " <hex offset>" of `address` into the executable, or " 0" if it
/// lies elsewhere (the C library, the signal trampoline).
std::size_t append_offset(std::size_t at, std::uintptr_t address) {
  const auto first = reinterpret_cast<std::uintptr_t>(&__executable_start);
  const auto last = reinterpret_cast<std::uintptr_t>(&_end);
  std::uintptr_t offset = address >= first && address < last ? address - first : 0;
  char digits[16];
  int count = 0;
  do {
    digits[count++] = "0123456789abcdef"[offset & 15];
    offset >>= 4;
  } while (offset != 0 && count < 16);
  crash_line[at++] = ' ';
  while (count > 0) crash_line[at++] = digits[--count];
  return at;
}

/// On a crash: where it struck (the interrupted instruction), then the
/// return addresses on the stack, as offsets into the executable, on the
/// result descriptor ("crash 1a2b 1c3d …"), so that the grader can name the
/// learner's line; then the default action, so that the grader sees the
/// signal. Only async-signal-safe calls, save backtrace(), whose first call
/// (which may allocate) was made at start-up.
void report_crash(int signal_number, siginfo_t*, void* context) {
  std::uintptr_t pc = 0;
#if defined(__x86_64__)
  pc = static_cast<std::uintptr_t>(static_cast<ucontext_t*>(context)->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
  pc = static_cast<std::uintptr_t>(static_cast<ucontext_t*>(context)->uc_mcontext.pc);
#else
  (void)context;
#endif
  const int n = backtrace(crash_frames, 48);
  std::size_t at = 0;
  for (const char c : std::string_view("\ncrash")) crash_line[at++] = c;
  at = append_offset(at, pc);
  for (int k = 0; k < n; ++k) at = append_offset(at, reinterpret_cast<std::uintptr_t>(crash_frames[k]));
  crash_line[at++] = '\n';
  [[maybe_unused]] const auto written = write(mathlings::protocol::result_fd, crash_line, at);
  std::raise(signal_number);  // SA_RESETHAND: the default action this time
}

void install_crash_reporter() {
  void* warm_up[1];
  backtrace(warm_up, 1);  // loads the unwinder now, not in a signal handler
  stack_t stack{};
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_sigaction = report_crash;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  for (const int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(s, &action, nullptr);
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) std::_Exit(91);  // the grader went away; nothing left to do
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

int main() {
  using namespace mathlings;
  const std::string request = read_all(STDIN_FILENO);
  // From here on, learner code sees an empty standard input.
  const int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);

  std::vector<protocol::Call> calls;
  try {
    calls = protocol::decode_request(request);
  } catch (const DecodeError& e) {
    std::fprintf(stderr, "mathlings runner: malformed request: %s\n", e.what());
    return 90;
  }

  install_crash_reporter();
  const auto& functions = harness::exercise_functions();
  for (std::size_t index = 0; index < calls.size(); ++index) {
    protocol::Outcome outcome;
    const auto function = functions.find(calls[index].function);
    if (function == functions.end()) {
      outcome.result = protocol::Thrown{harness::argument_error_type, "no function named " + calls[index].function};
    } else {
      try {
        outcome.result = function->second(calls[index].args);
      } catch (...) {
        outcome.result = harness::classify_current_exception(std::current_exception());
      }
    }
    write_all(protocol::result_fd, protocol::encode_answer(index, outcome));
  }
  write_all(protocol::result_fd, protocol::encode_done());
  std::fflush(nullptr);
  // Skip static destructors: the answers are in, and learner code must not
  // get a last word after them.
  std::_Exit(0);
}
