#include "base/terminal.hpp"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace mathlings {
namespace {

termios original{};

/// At exit, and on a fatal signal, the terminal is left as it was found.
void restore_terminal() {
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &original);
  [[maybe_unused]] auto ignored = write(STDOUT_FILENO, screen::show_cursor, 6);
}

void restore_and_reraise(int signal_number) {
  restore_terminal();
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

bool colour_wanted(std::ostream& out) {
  return &out == &std::cout && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

bool show_in_pager(const std::string& page) {
  const char* pager = std::getenv("PAGER");
  std::string command = pager && *pager ? pager : "";
  if (command.empty() && access("/usr/bin/less", X_OK) == 0) command = "/usr/bin/less -R";
  if (command.empty()) return false;
  FILE* p = popen(command.c_str(), "w");
  if (p == nullptr) return false;
  std::fwrite(page.data(), 1, page.size(), p);
  return pclose(p) == 0;
}

std::optional<TerminalSize> terminal_size(int fd) {
  winsize size{};
  if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) return std::nullopt;
  return TerminalSize{size.ws_row, size.ws_col};
}

RawKeyboard::RawKeyboard() {
  if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &original) != 0) return;
  saved_ = true;
  static bool hooked = false;
  if (!hooked) {
    hooked = true;
    std::atexit(restore_terminal);
    for (const int s : {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT}) std::signal(s, restore_and_reraise);
  }
  resume();
}

RawKeyboard::~RawKeyboard() {
  suspend();
}

void RawKeyboard::suspend() {
  if (!active_) return;
  restore_terminal();
  active_ = false;
}

void RawKeyboard::resume() {
  if (!saved_ || active_) return;
  termios raw = original;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0;
}

}  // namespace mathlings
