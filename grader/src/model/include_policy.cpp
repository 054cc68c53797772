#include "model/include_policy.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace mathlings {
namespace {

constexpr std::array<std::string_view, 99> standard_headers{"algorithm",
                                                            "any",
                                                            "array",
                                                            "atomic",
                                                            "barrier",
                                                            "bit",
                                                            "bitset",
                                                            "cassert",
                                                            "cctype",
                                                            "cerrno",
                                                            "cfenv",
                                                            "cfloat",
                                                            "charconv",
                                                            "chrono",
                                                            "cinttypes",
                                                            "climits",
                                                            "clocale",
                                                            "cmath",
                                                            "compare",
                                                            "complex",
                                                            "concepts",
                                                            "condition_variable",
                                                            "coroutine",
                                                            "csetjmp",
                                                            "csignal",
                                                            "cstdarg",
                                                            "cstddef",
                                                            "cstdint",
                                                            "cstdio",
                                                            "cstdlib",
                                                            "cstring",
                                                            "ctime",
                                                            "cuchar",
                                                            "cwchar",
                                                            "cwctype",
                                                            "deque",
                                                            "exception",
                                                            "execution",
                                                            "filesystem",
                                                            "format",
                                                            "forward_list",
                                                            "fstream",
                                                            "functional",
                                                            "future",
                                                            "initializer_list",
                                                            "iomanip",
                                                            "ios",
                                                            "iosfwd",
                                                            "iostream",
                                                            "istream",
                                                            "iterator",
                                                            "latch",
                                                            "limits",
                                                            "list",
                                                            "locale",
                                                            "map",
                                                            "memory",
                                                            "memory_resource",
                                                            "mutex",
                                                            "new",
                                                            "numbers",
                                                            "numeric",
                                                            "optional",
                                                            "ostream",
                                                            "queue",
                                                            "random",
                                                            "ranges",
                                                            "ratio",
                                                            "regex",
                                                            "scoped_allocator",
                                                            "semaphore",
                                                            "set",
                                                            "shared_mutex",
                                                            "source_location",
                                                            "span",
                                                            "sstream",
                                                            "stack",
                                                            "stdexcept",
                                                            "stop_token",
                                                            "streambuf",
                                                            "string",
                                                            "string_view",
                                                            "syncstream",
                                                            "system_error",
                                                            "thread",
                                                            "tuple",
                                                            "type_traits",
                                                            "typeindex",
                                                            "typeinfo",
                                                            "unordered_map",
                                                            "unordered_set",
                                                            "utility",
                                                            "valarray",
                                                            "variant",
                                                            "vector",
                                                            "version",
                                                            "math.h",
                                                            "stdlib.h",
                                                            "assert.h"};

/// The source with comments blanked out (newlines kept, so line numbers hold)
/// and backslash-newline continuations joined the way the preprocessor does.
std::vector<std::pair<int, std::string>> logical_lines(std::string_view source) {
  std::string text;
  std::vector<int> line_of_char;
  int line = 1;
  enum { code, line_comment, block_comment, string_literal, char_literal } state = code;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    const char next = i + 1 < source.size() ? source[i + 1] : '\0';
    if (c == '\\' && next == '\n') {  // continuation: the logical line goes on
      ++line;
      ++i;
      continue;
    }
    switch (state) {
      case code:
        if (c == '/' && next == '/')
          state = line_comment, ++i;
        else if (c == '/' && next == '*')
          state = block_comment, ++i, text += ' ', line_of_char.push_back(line);
        else {
          if (c == '"') state = string_literal;
          if (c == '\'') state = char_literal;
          text += c;
          line_of_char.push_back(line);
        }
        break;
      case line_comment:
        if (c == '\n') state = code, text += c, line_of_char.push_back(line);
        break;
      case block_comment:
        if (c == '*' && next == '/')
          state = code, ++i;
        else if (c == '\n')
          text += c, line_of_char.push_back(line);
        break;
      case string_literal:
      case char_literal:
        text += c;
        line_of_char.push_back(line);
        if (c == '\\' && next != '\0')
          text += next, line_of_char.push_back(line), ++i;
        else if ((state == string_literal && c == '"') || (state == char_literal && c == '\'') || c == '\n')
          state = code;
        break;
    }
    if (c == '\n') ++line;
  }
  std::vector<std::pair<int, std::string>> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > start) lines.emplace_back(line_of_char[start], text.substr(start, i - start));
      start = i + 1;
    }
  }
  return lines;
}

}  // namespace

bool is_standard_header(std::string_view name) {
  return std::find(standard_headers.begin(), standard_headers.end(), name) != standard_headers.end();
}

bool lesson_allows(const Lesson& lesson, std::string_view name) {
  if (name == lesson.header || is_standard_header(name)) return true;
  if (name.find("..") != std::string_view::npos) return false;
  for (const auto& allowed : lesson.allowed_includes) {
    if (name == allowed) return true;
    // "boost/math/distributions/*": any header in that folder or below it
    if (allowed.size() > 2 && allowed.substr(allowed.size() - 2) == "/*" &&
        name.substr(0, allowed.size() - 1) == std::string_view(allowed).substr(0, allowed.size() - 1) &&
        name.size() > allowed.size() - 1) {
      return true;
    }
  }
  return false;
}

std::optional<IncludeViolation> find_include_violation(std::string_view source, const Lesson& lesson) {
  for (const auto& [line, text] : logical_lines(source)) {
    std::string rest = trimmed(text);
    if (rest.rfind("%:", 0) == 0) rest.replace(0, 2, "#");  // the digraph spelling of '#'
    if (rest.empty() || rest[0] != '#') continue;
    rest = trimmed(std::string_view(rest).substr(1));
    const auto word_end = rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz_");
    const std::string word = rest.substr(0, word_end);
    if (word != "include" && word != "include_next" && word != "import") continue;
    const std::string directive = trimmed(text);
    if (word != "include") {
      return IncludeViolation{line, directive, "#" + word + " is not allowed; use #include <...>"};
    }
    const std::string target = trimmed(std::string_view(rest).substr(word.size()));
    const std::string allowed_list = "the standard library, <" + lesson.header + ">" + [&] {
      std::string s;
      for (const auto& h : lesson.allowed_includes) s += ", <" + h + ">";
      return s;
    }();
    if (target.size() < 3 || target.front() != '<' || target.find('>') != target.size() - 1) {
      return IncludeViolation{line, directive,
                              target.rfind('"', 0) == 0
                                  ? "quoted includes are not allowed: an exercise is one self-contained file; "
                                    "this lesson allows " +
                                        allowed_list
                                  : "only a literal #include <header> is allowed; this lesson allows " + allowed_list};
    }
    const std::string name = target.substr(1, target.size() - 2);
    if (lesson_allows(lesson, name)) continue;
    std::string reason = "<" + name + "> is not allowed in this lesson; it allows " + allowed_list;
    if (name.rfind("Eigen/", 0) == 0) reason += " (the point is to do it by hand)";
    return IncludeViolation{line, directive, reason};
  }
  return std::nullopt;
}

}  // namespace mathlings
