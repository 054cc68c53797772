#include "judge/learner_output.hpp"

#include <vector>

#include "base/escaping.hpp"

namespace mathlings {
namespace {

constexpr std::size_t max_lines = 10;
constexpr std::size_t max_line_bytes = 200;
constexpr std::string_view line_mark = "\n    | ";

/// The length of the UTF-8 sequence that starts at `text[at]` if it is one
/// of the controls that must not reach a terminal: C1 controls (U+0080–U+009F,
/// which some terminals obey like ESC [) and the bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), which can make text read
/// differently from what it is; 0 otherwise.
std::size_t unicode_control(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) return 2;
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0xAA && byte(2) <= 0xAE) return 3;
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9) return 3;
  return 0;
}

/// The byte offset of the character that `at` lies in.
std::size_t character_start(const std::string& text, std::size_t at) {
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

/// `line` cut to about max_line_bytes by leaving out its middle: the start
/// says where (a file and line) and the end what ("Assertion … failed.").
std::string cut_line(const std::string& line) {
  if (line.size() <= max_line_bytes) return line;
  const std::size_t head = character_start(line, max_line_bytes / 2);
  const std::size_t tail = character_start(line, line.size() - max_line_bytes / 2);
  return line.substr(0, head) + " … " + line.substr(tail);
}

}  // namespace

std::string neutralise_printed(std::string_view text) {
  const std::string valid = valid_utf8(std::string(text));
  std::string out;
  out.reserve(valid.size());
  for (std::size_t k = 0; k < valid.size();) {
    const auto c = static_cast<unsigned char>(valid[k]);
    if (c == '\r' && k + 1 < valid.size() && valid[k + 1] == '\n') {  // a Windows line end is just a line end
      ++k;
    } else if (c == '\t') {
      out += "    ";
      ++k;
    } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
      out += '?';
      ++k;
    } else if (const std::size_t length = unicode_control(valid, k)) {
      out += '?';
      k += length;
    } else {
      out += static_cast<char>(c);
      ++k;
    }
  }
  return out;
}

std::string show_printed(std::string_view printed, KeepPrinted keep) {
  const std::string text = neutralise_printed(printed);
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string::npos) lines.pop_back();
  std::size_t first = 0;
  while (first < lines.size() && lines[first].find_first_not_of(' ') == std::string::npos) ++first;
  if (first == lines.size()) return "";
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(first));
  const std::size_t left_out = lines.size() > max_lines ? lines.size() - max_lines : 0;
  const auto omitted = "\n    (" + std::to_string(left_out) + (left_out == 1 ? " more line)" : " more lines)");
  std::string out = "\n  your code printed (during this call):";
  if (left_out > 0 && keep == KeepPrinted::last_lines) {
    out += omitted;
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(left_out));
  }
  for (std::size_t k = 0; k < lines.size() && k < max_lines; ++k) {
    out += line_mark;
    out += cut_line(lines[k]);
  }
  if (left_out > 0 && keep == KeepPrinted::first_lines) out += omitted;
  return out;
}

}  // namespace mathlings
