#include "learner/markdown_terminal.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

namespace mathlings {
namespace {

class Inline {
 public:
  explicit Inline(bool colour) : colour_(colour) {}
  std::string operator()(std::string text) const {
    static const std::regex math(R"(\$\$?([^$]+)\$\$?)");
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
    if (!empty && display_columns(line) + 1 + display_columns(word) > width) {
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
  while (display_columns(rest) + (first ? 0 : display_columns(marker)) > width) {
    const std::size_t room = width - (first ? 0 : display_columns(marker));
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
  std::string s = tex;
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  };
  static const std::regex text(R"(\\(?:text|mathrm|operatorname)\{([^{}]*)\})");
  s = std::regex_replace(s, text, "$1");
  // Longest names first, so that \leftarrow is not read as \left.
  static const std::vector<std::pair<std::string, std::string>> symbols{
      {"^\\top", "ᵀ"},       {"\\leftarrow", "←"}, {"\\Rightarrow", "⇒"}, {"\\rightarrow", "→"}, {"\\partial ", "∂"},
      {"\\partial", "∂"},    {"\\approx", "≈"},    {"\\qquad", "    "},   {"\\quad", "  "},      {"\\tfrac", "\\frac"},
      {"\\dfrac", "\\frac"}, {"\\cdot", "·"},      {"\\times", "×"},      {"\\sum", "Σ"},        {"\\prod", "Π"},
      {"\\nabla ", "∇"},     {"\\nabla", "∇"},     {"\\sigma", "σ"},      {"\\mu", "μ"},         {"\\beta", "β"},
      {"\\alpha ", "α"},     {"\\alpha", "α"},     {"\\theta", "θ"},      {"\\lambda", "λ"},     {"\\pi", "π"},
      {"\\leq", "≤"},        {"\\geq", "≥"},       {"\\neq", "≠"},        {"\\infty", "∞"},      {"\\to", "→"},
      {"\\in", "∈"},         {"\\mid", "|"},       {"\\neg ", "¬"},       {"\\neg", "¬"},        {"\\pm", "±"},
      {"\\log", "log"},      {"\\exp", "exp"},     {"\\left", ""},        {"\\right", ""},       {"\\,", " "},
      {"\\;", " "},          {"\\!", ""}};
  for (const auto& [from, to] : symbols) replace_all(from, to);
  static const std::regex root(R"(\\sqrt\{([^{}]*)\})");
  s = std::regex_replace(s, root, "√$1");
  static const std::regex bar(R"(\\bar\{([^{}])\})");
  s = std::regex_replace(s, bar, "$1\u0304");  // x̄: the letter and a combining macron

  // Sub- and superscripts: Unicode where every character has one, else _(…) / ^(…).
  static const std::vector<std::pair<std::string, std::string>> superscripts{
      {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"},
      {"7", "⁷"}, {"8", "⁸"}, {"9", "⁹"}, {"T", "ᵀ"}, {"n", "ⁿ"}, {"-", "⁻"}, {"+", "⁺"}};
  static const std::vector<std::pair<std::string, std::string>> subscripts{
      {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"i", "ᵢ"}, {"j", "ⱼ"}, {"k", "ₖ"}, {"n", "ₙ"}};
  const auto code_point_end = [&](std::size_t at) {
    std::size_t end = at + 1;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    return end;
  };
  std::string scripted;
  for (std::size_t i = 0; i < s.size();) {
    const bool sup = s[i] == '^', sub = s[i] == '_';
    if (!(sup || sub) || i + 1 >= s.size()) {
      scripted += s[i++];
      continue;
    }
    std::string group;
    std::size_t next;
    if (s[i + 1] == '{') {
      const std::size_t close = s.find('}', i + 2);
      group = s.substr(i + 2, close == std::string::npos ? std::string::npos : close - i - 2);
      next = close == std::string::npos ? s.size() : close + 1;
    } else {
      next = code_point_end(i + 1);
      group = s.substr(i + 1, next - i - 1);
    }
    const auto& table = sup ? superscripts : subscripts;
    std::string converted;
    bool all = true;
    for (std::size_t k = 0; k < group.size(); ++k) {
      const auto it =
          std::find_if(table.begin(), table.end(), [&](const auto& p) { return p.first == group.substr(k, 1); });
      if (it == table.end())
        all = false;
      else
        converted += it->second;
    }
    scripted +=
        all ? converted
            : (group.size() == 1 ? std::string(sup ? "^" : "_") + group : std::string(sup ? "^(" : "_(") + group + ")");
    i = next;
  }
  s = scripted;

  // Fractions, innermost first: a/b when both are single terms, (a)/(b) otherwise.
  static const std::regex frac(R"(\\frac\{([^{}]*)\}\{([^{}]*)\})");
  const auto simple = [](const std::string& t) {
    for (const char* op : {" ", "+", "-", "−", "·", "(", ")"})
      if (t.find(op) != std::string::npos) return false;
    return true;
  };
  for (std::smatch m; std::regex_search(s, m, frac);) {
    const std::string a = m[1], b = m[2];
    s.replace(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)),
              (simple(a) ? a : "(" + a + ")") + "/" + (simple(b) ? b : "(" + b + ")"));
  }
  std::string out;
  for (const char c : s)
    if (c != '{' && c != '}') out += c;
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
    // A paragraph that is one $$…$$ formula: shown on its own, indented.
    if (item_lead.empty() && paragraph.size() > 4 && paragraph.rfind("$$", 0) == 0 &&
        paragraph.compare(paragraph.size() - 2, 2, "$$") == 0 && paragraph.find("$$", 2) == paragraph.size() - 2) {
      out += fold("    " + readable_math(paragraph.substr(2, paragraph.size() - 4)), style.width);
      paragraph.clear();
      return;
    }
    const std::string lead = item_lead.empty() ? "" : item_lead;
    const std::string rest(display_columns(lead), ' ');
    out += wrap(inline_text(paragraph), lead, rest, style.width);
    paragraph.clear();
    item_lead.clear();
  };
  bool in_fence = false, in_figure = false;
  static const std::regex list_item(R"(^(\s*)([-*]|\d+\.)\s+(.*)$)");
  while (std::getline(in, line)) {
    if (in_figure) {  // a chart for the book: named here, drawn there
      if (line.rfind("title:", 0) == 0) {
        out += paint("2", wrap_text("[figure: " + line.substr(line.find_first_not_of(' ', 6)) +
                                        " — drawn in the book: mathlings book]",
                                    "    ", style.width));
      }
      if (line.rfind("```", 0) == 0) in_figure = false;
      continue;
    }
    if (line.rfind("```figure", 0) == 0) {
      flush();
      in_figure = true;
      continue;
    }
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
      if (hashes <= 2)
        out += std::string(std::min(display_columns(title), style.width), hashes == 1 ? '=' : '-') + "\n";
      continue;
    }
    if (line.rfind("    ", 0) == 0 || line.rfind("\t", 0) == 0 || (line.rfind("|", 0) == 0 && line.back() == '|')) {
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
