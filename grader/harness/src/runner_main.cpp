// The runner: the only program that executes learner code.
//
// It is linked from the learner's (or the reference's) object file, the
// exercise's generated bindings and this file, and started by the grader once
// per test, inside the limits the grader sets. It reads the whole request
// before any learner function runs, answers every call on result_fd, and ends
// with "done". Anything the learner prints goes to stdout/stderr, which the
// grader only shows (by call: a marker precedes each, see protocol.hpp); an
// early exit, a crash or a hang simply leaves answers missing, which the
// grader treats as that test's failure.
#include <cxxabi.h>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "crash_reporter.hpp"
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

/// The token of this run's output markers (see protocol.hpp), drawn before
/// any learner code runs.
char output_token[17] = "";

/// Before learner code, static initialisers included (priority 101 runs
/// before theirs): draws the token of the output markers and announces it,
/// notes where the stack ends, and makes the learner's standard output
/// line-buffered, so that what a call printed before it crashed is not lost
/// in a buffer. Messages the C library prints in the program's name (a failed
/// assert()) say "your program", not the runner's file name, a hash.
__attribute__((constructor(101))) void prepare_for_learner_code() {
  unsigned char random[8] = {};
  if (getrandom(random, sizeof random, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof random)) {
    const auto fallback = static_cast<std::uint64_t>(getpid()) * 0x9e3779b97f4a7c15u ^
                          static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&random));
    std::memcpy(random, &fallback, sizeof random);
  }
  for (std::size_t k = 0; k < sizeof random; ++k) {
    output_token[2 * k] = "0123456789abcdef"[random[k] >> 4];
    output_token[2 * k + 1] = "0123456789abcdef"[random[k] & 15];
  }
  const std::string announcement = mathlings::protocol::encode_marker_token(output_token);
  [[maybe_unused]] const auto written = write(mathlings::protocol::result_fd, announcement.data(), announcement.size());
  mathlings::harness::note_stack_end();
  std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ);
  program_invocation_name = const_cast<char*>("your program");
  program_invocation_short_name = const_cast<char*>("your program");
}

/// Marks the start of call `index` in the learner's output: what the streams
/// still hold belongs to the calls before. Best effort: learner code may have
/// closed its standard output.
void mark_output(std::size_t index) {
  std::cout.flush();  // its own buffer, if the learner unsynchronised it from stdio
  std::fflush(nullptr);
  const std::string marker = mathlings::protocol::output_marker(output_token, index);
  [[maybe_unused]] const auto written = write(STDOUT_FILENO, marker.data(), marker.size());
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

  harness::install_crash_reporter();
  const auto& functions = harness::exercise_functions();
  for (std::size_t index = 0; index < calls.size(); ++index) {
    protocol::Outcome outcome;
    mark_output(index);
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
  std::cout.flush();
  std::fflush(nullptr);
  // Skip static destructors: the answers are in, and learner code must not
  // get a last word after them.
  std::_Exit(0);
}
