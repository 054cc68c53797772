#include "markdown_terminal.hpp"

#include <algorithm>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

namespace mathlings {
namespace {

std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  bool escape = false;
  for (const char c : s) {
    if (c == '\033') escape = true;
    if (!escape && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    if (escape && c == 'm') escape = false;
  }
  return n;
}

class Inline {
 public:
  explicit Inline(bool colour) : colour_(colour) {}
  std::string operator()(std::string text) const {
    static const std::regex math(R"(\$([^$]+)\$)");
    text = replace(text, math, [](const std::smatch& m) { return readable_math(m[1]); });
    static const std::regex link(R"(\[([^\]]+)\]\(([^)]+)\))");
    text = replace(text, link, [](const std::smatch& m) {
      const std::string target = m[2];
      return target.rfind('#', 0) == 0 ? m[1].str() : m[1].str() + " (" + target + ")";
    });
    static const std::regex bold(R"(\*\*([^*]+)\*\*)");
    text = replace(text, bold, [&](const std::smatch& m) { return paint("1", m[1]); });
    static const std::regex emphasis(R"(\*([^*\s][^*]*)\*)");
    text = replace(text, emphasis, [&](const std::smatch& m) { return paint("3", m[1]); });
    static const std::regex code(R"(`([^`]+)`)");
    text =
        replace(text, code, [&](const std::smatch& m) { return colour_ ? paint("36", m[1]) : "`" + m[1].str() + "`"; });
    return text;
  }

 private:
  template <class F>
  static std::string replace(const std::string& text, const std::regex& re, F with) {
    std::string out;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
      out.append(last, (*it)[0].first);
      out += with(*it);
      last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
  }
  std::string paint(const char* code, const std::string& s) const {
    return colour_ ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  }
  bool colour_;
};

/// Words of `text` in lines of at most `width` columns, the first after
/// `first`, the others after `rest`.
std::string wrap(const std::string& text, const std::string& first, const std::string& rest, std::size_t width) {
  std::istringstream in(text);
  std::string word, line = first, out;
  bool empty = true;
  while (in >> word) {
    if (!empty && columns(line) + 1 + columns(word) > width) {
      out += line + "\n";
      line = rest;
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  return out + line + "\n";
}

/// A line of code or a formula, kept as written but folded at the width, its
/// continuations marked ↪ (code is not re-wrapped at spaces: that would
/// change what it says).
std::string fold(const std::string& line, std::size_t width) {
  std::string out, rest = line;
  const std::string marker = "    ↪ ";
  bool first = true;
  while (columns(rest) + (first ? 0 : columns(marker)) > width) {
    const std::size_t room = width - (first ? 0 : columns(marker));
    std::size_t bytes = 0, seen = 0;
    std::size_t last_break = 0;  // just after a space, comma or parenthesis, if one is far enough along
    while (bytes < rest.size() && seen < room) {
      const char c = rest[bytes];
      ++bytes;
      while (bytes < rest.size() && (static_cast<unsigned char>(rest[bytes]) & 0xC0) == 0x80) ++bytes;
      ++seen;
      if ((c == ' ' || c == ',' || c == '(') && seen > room / 2) last_break = bytes;
    }
    if (last_break > 0 && bytes < rest.size()) bytes = last_break;
    out += (first ? "" : marker) + rest.substr(0, bytes) + "\n";
    rest = rest.substr(bytes);
    first = false;
  }
  return out + (first ? "" : marker) + rest + "\n";
}

}  // namespace

std::string readable_math(const std::string& tex) {
  static const std::vector<std::pair<std::string, std::string>> symbols{
      {"\\cdot", "·"},   {"\\times", "×"},  {"\\sum", "Σ"}, {"\\prod", "Π"}, {"\\partial", "∂"},
      {"\\nabla", "∇"},  {"\\sigma", "σ"},  {"\\mu", "μ"},  {"\\beta", "β"}, {"\\alpha", "α"},
      {"\\theta", "θ"},  {"\\lambda", "λ"}, {"\\leq", "≤"}, {"\\geq", "≥"},  {"\\neq", "≠"},
      {"\\approx", "≈"}, {"\\infty", "∞"},  {"\\to", "→"},  {"\\in", "∈"},   {"\\mid", "|"},
      {"\\neg", "¬"},    {"\\pm", "±"},     {"\\left", ""}, {"\\right", ""}, {"\\,", " "}};
  std::string s = tex;
  static const std::regex frac(R"(\\frac\{([^{}]*)\}\{([^{}]*)\})");
  s = std::regex_replace(s, frac, "($1)/($2)");
  static const std::regex root(R"(\\sqrt\{([^{}]*)\})");
  s = std::regex_replace(s, root, "√($1)");
  for (const auto& [from, to] : symbols) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  static const std::vector<std::pair<char, std::string>> superscripts{
      {'0', "⁰"}, {'1', "¹"}, {'2', "²"}, {'3', "³"}, {'4', "⁴"}, {'5', "⁵"}, {'6', "⁶"},
      {'7', "⁷"}, {'8', "⁸"}, {'9', "⁹"}, {'T', "ᵀ"}, {'n', "ⁿ"}, {'-', "⁻"}};
  static const std::vector<std::pair<char, std::string>> subscripts{{'0', "₀"}, {'1', "₁"}, {'2', "₂"}, {'3', "₃"},
                                                                    {'i', "ᵢ"}, {'j', "ⱼ"}, {'k', "ₖ"}, {'n', "ₙ"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool sup = s[i] == '^', sub = s[i] == '_';
    if ((sup || sub) && i + 1 < s.size()) {
      const auto& table = sup ? superscripts : subscripts;
      std::string group = s[i + 1] == '{' ? s.substr(i + 2, s.find('}', i + 2) - i - 2) : s.substr(i + 1, 1);
      std::string converted;
      bool all = true;
      for (const char c : group) {
        auto it = std::find_if(table.begin(), table.end(), [&](const auto& p) { return p.first == c; });
        if (it == table.end())
          all = false;
        else
          converted += it->second;
      }
      out += all ? converted : std::string(sup ? "^" : "_") + "(" + group + ")";
      i += s[i + 1] == '{' ? group.size() + 2 : 1;
      continue;
    }
    if (s[i] != '{' && s[i] != '}') out += s[i];
  }
  return out;
}

std::string render_markdown(const std::string& markdown, const MarkdownStyle& style) {
  const Inline inline_text(style.colour);
  const auto paint = [&](const char* code, const std::string& s) {
    return style.colour ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  };
  std::istringstream in(markdown);
  std::string line, out, paragraph, item_lead;
  const auto flush = [&] {
    if (paragraph.empty()) return;
    const std::string lead = item_lead.empty() ? "" : item_lead;
    const std::string rest(columns(lead), ' ');
    out += wrap(inline_text(paragraph), lead, rest, style.width);
    paragraph.clear();
    item_lead.clear();
  };
  bool in_fence = false;
  static const std::regex list_item(R"(^(\s*)([-*]|\d+\.)\s+(.*)$)");
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      flush();
      if (!in_fence && line.find("output") != std::string::npos) out += paint("2", "    ⇒ prints:") + "\n";
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      const std::string folded = fold("    " + line, style.width);
      out += paint("36", folded.substr(0, folded.size() - 1)) + "\n";
      continue;
    }
    if (line.empty()) {
      flush();
      out += "\n";
      continue;
    }
    const auto hashes = line.find_first_not_of('#');
    if (hashes != std::string::npos && hashes > 0 && hashes <= 6 && line[hashes] == ' ') {
      flush();
      const std::string title = inline_text(line.substr(hashes + 1));
      out += paint("1", title) + "\n";
      if (hashes <= 2) out += std::string(std::min(columns(title), style.width), hashes == 1 ? '=' : '-') + "\n";
      continue;
    }
    if (line.rfind("    ", 0) == 0 || line.rfind("\t", 0) == 0 || line.rfind("|", 0) == 0) {
      flush();  // a formula or a table: as written
      out += fold(line, style.width);
      continue;
    }
    std::smatch match;
    if (std::regex_match(line, match, list_item)) {
      flush();
      item_lead = match[1].str() + "  " + (match[2] == "-" || match[2] == "*" ? "•" : match[2].str()) + " ";
      paragraph = match[3];
      continue;
    }
    paragraph += (paragraph.empty() ? "" : " ") + line;
  }
  flush();
  return out;
}

}  // namespace mathlings
