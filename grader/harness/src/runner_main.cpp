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
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

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
