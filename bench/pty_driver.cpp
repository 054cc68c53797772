// Drives an interactive program through a pseudo-terminal, as a person at a
// terminal would: the watch-mode test and the latency benchmark use it.
//
//   pty_driver [--timeout S] STEP... -- COMMAND ARG...
//
// Steps, run in order once COMMAND has started:
//   expect=TEXT        wait until TEXT appears in the output after the mark,
//                      then move the mark past it (fails after the timeout)
//   send=KEYS          type KEYS
//   copy=SRC:DEST      replace DEST by SRC's content (as an editor saves)
//   append=DEST:TEXT   add the line TEXT to DEST
//   run=COMMAND        run COMMAND with sh and wait for it (another terminal's
//                      command, meanwhile); fails unless it exits with 0
//   clock              start the stopwatch
//   lap=LABEL          print "LABEL <seconds since clock>"
//   dump=FILE          write the output so far (escape sequences removed) to FILE
//   fits=COLUMNS       fail if a line of the output so far is wider than COLUMNS
// The terminal is 80 columns by 24 rows.
// Then it waits for COMMAND to end and exits with its status. On a failed
// expectation it prints the screen's last lines (escape sequences removed).
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::string plain(const std::string& s) {
  static const std::regex escape("\x1b\\[[0-9;?]*[A-Za-z]");
  return std::regex_replace(s, escape, "");
}

struct Session {
  int master = -1;
  pid_t child = -1;
  std::string output;  // everything read, escape sequences removed
  std::size_t mark = 0;

  void pump(int milliseconds) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, milliseconds) <= 0) return;
    char buffer[65536];
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) raw.append(buffer, static_cast<std::size_t>(n));
    output = plain(raw);
  }
  std::string raw;
};

[[noreturn]] void fail(const Session& s, const std::string& why) {
  const std::string& o = s.output;
  std::cerr << "pty_driver: " << why << "\n--- the screen's last output ---\n"
            << o.substr(o.size() > 3000 ? o.size() - 3000 : 0) << "\n---\n";
  if (s.child > 0) kill(s.child, SIGKILL);
  std::exit(1);
}

void write_file(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".saving";
  std::ofstream(temporary, std::ios::binary) << content;
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::cerr << "pty_driver: cannot write " << path << "\n";
    std::exit(1);
  }
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  double timeout = 60;
  std::vector<std::string> steps;
  int k = 1;
  for (; k < argc && std::string(argv[k]) != "--"; ++k) {
    if (std::string(argv[k]) == "--timeout" && k + 1 < argc) {
      timeout = std::atof(argv[++k]);
    } else {
      steps.push_back(argv[k]);
    }
  }
  if (k + 1 >= argc) {
    std::cerr << "usage: pty_driver [--timeout S] STEP... -- COMMAND ARG...\n";
    return 2;
  }
  Session s;
  winsize size{24, 80, 0, 0};
  s.child = forkpty(&s.master, nullptr, nullptr, &size);
  if (s.child < 0) {
    std::perror("forkpty");
    return 2;
  }
  if (s.child == 0) {
    execvp(argv[k + 1], argv + k + 1);
    std::perror("exec");
    _exit(127);
  }
  Clock::time_point stopwatch = Clock::now();
  for (const auto& step : steps) {
    const auto equals = step.find('=');
    const std::string verb = step.substr(0, equals), arg = equals == std::string::npos ? "" : step.substr(equals + 1);
    if (verb == "expect") {
      const auto deadline = Clock::now() + std::chrono::duration<double>(timeout);
      std::size_t at;
      while ((at = s.output.find(arg, s.mark)) == std::string::npos) {
        if (Clock::now() > deadline) fail(s, "timed out waiting for \"" + arg + "\"");
        s.pump(20);
      }
      s.mark = at + arg.size();
    } else if (verb == "send") {
      if (write(s.master, arg.data(), arg.size()) != static_cast<ssize_t>(arg.size())) fail(s, "cannot type");
    } else if (verb == "copy") {
      const auto colon = arg.find(':');
      write_file(arg.substr(colon + 1), read_all(arg.substr(0, colon)));
    } else if (verb == "append") {
      const auto colon = arg.find(':');
      const std::string path = arg.substr(0, colon);
      write_file(path, read_all(path) + arg.substr(colon + 1) + "\n");
    } else if (verb == "run") {
      const int status = std::system(arg.c_str());
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail(s, "'" + arg + "' failed");
    } else if (verb == "dump") {
      s.pump(50);
      std::ofstream(arg, std::ios::binary) << s.output;
    } else if (verb == "fits") {
      s.pump(50);
      const std::size_t limit = std::stoul(arg);
      std::istringstream lines(s.output);
      std::string line;
      while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t width = 0;
        for (const char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (width > limit) fail(s, "a line is " + std::to_string(width) + " columns wide: " + line);
      }
    } else if (verb == "clock") {
      stopwatch = Clock::now();
    } else if (verb == "lap") {
      std::printf("%s %.3f\n", arg.c_str(), std::chrono::duration<double>(Clock::now() - stopwatch).count());
      std::fflush(stdout);
    } else {
      fail(s, "unknown step " + step);
    }
  }
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout);
  int status = 0;
  while (waitpid(s.child, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) fail(s, "the program did not end");
    s.pump(20);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
