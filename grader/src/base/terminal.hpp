// The few terminal facilities `watch` and `lesson` need: the window size,
// raw keyboard input (restored however the program ends) and screen control.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace mathlings {

struct TerminalSize {
  std::size_t rows = 24;
  std::size_t columns = 80;
};

/// Whether to colour what goes to `out`: only standard output, only on a
/// terminal, never with NO_COLOR set.
bool colour_wanted(std::ostream& out);

/// The size of the terminal on `fd`; nullopt if it is not a terminal.
std::optional<TerminalSize> terminal_size(int fd);

/// While alive, the terminal on standard input delivers each key at once,
/// without echo; Ctrl-C arrives as a key (byte 3) rather than a signal, so
/// that the program can restore the terminal and leave cleanly. A no-op when
/// standard input is not a terminal.
class RawKeyboard {
 public:
  RawKeyboard();
  ~RawKeyboard();
  RawKeyboard(const RawKeyboard&) = delete;
  RawKeyboard& operator=(const RawKeyboard&) = delete;
  /// Back to the terminal as it was (to run a pager, say), and raw again.
  void suspend();
  void resume();
  bool active() const { return active_; }

 private:
  bool active_ = false;
  bool saved_ = false;
};

/// Shows `page` through the learner's pager ($PAGER, else less -R); false
/// if there is none or it failed (then the caller prints the page).
bool show_in_pager(const std::string& page);

namespace screen {
inline constexpr const char* clear = "\033[H\033[2J";
inline constexpr const char* hide_cursor = "\033[?25l";
inline constexpr const char* show_cursor = "\033[?25h";
}  // namespace screen

}  // namespace mathlings
