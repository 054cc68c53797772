#include "model/lesson_document.hpp"

#include <cctype>
#include <regex>
#include <sstream>

namespace mathlings {

std::string heading_anchor(const std::string& heading) {
  std::string anchor;
  for (std::size_t i = 0; i < heading.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(heading[i]);
    if (c >= 0x80) {
      anchor += heading[i];  // letters beyond ASCII are kept as they are
    } else if (std::isalnum(c) || c == '-' || c == '_') {
      anchor += static_cast<char>(std::tolower(c));
    } else if (c == ' ') {
      anchor += '-';
    }
  }
  return anchor;
}

std::map<std::string, std::string> lesson_headings(const std::string& text) {
  std::map<std::string, std::string> headings;
  std::istringstream in(text);
  std::string line;
  bool in_fence = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    if (in_fence) continue;
    const auto hashes = line.find_first_not_of('#');
    if (hashes != std::string::npos && hashes > 0 && hashes <= 6 && line[hashes] == ' ') {
      const std::string title = line.substr(hashes + 1);
      headings.emplace(heading_anchor(title), title);
    }
  }
  return headings;
}

std::vector<std::string> exercise_sections(const std::string& text, const std::string& exercise_name) {
  const auto list = text.find("\n## Exercises");
  if (list == std::string::npos) return {};
  const auto item = text.find("**" + exercise_name + "**", list);
  if (item == std::string::npos) return {};
  // The item runs to the next list item or the end of the list.
  auto end = text.find("\n\n", item);
  static const std::regex next_item(R"(\n\d+\. |\n- )");
  std::smatch match;
  const std::string rest = text.substr(item, end == std::string::npos ? std::string::npos : end - item);
  const std::string item_text = std::regex_search(rest, match, next_item) ? rest.substr(0, match.position(0)) : rest;
  const auto headings = lesson_headings(text);
  std::vector<std::string> sections;
  static const std::regex link(R"(\]\(#([^)\s]+)\))");
  for (auto it = std::sregex_iterator(item_text.begin(), item_text.end(), link); it != std::sregex_iterator(); ++it) {
    const auto found = headings.find((*it)[1]);
    if (found != headings.end()) sections.push_back(found->second);
  }
  return sections;
}

std::string section_list(const std::vector<std::string>& sections) {
  std::string text;
  for (const auto& section : sections) text += (text.empty() ? "§ " : "; § ") + section;
  return text;
}

}  // namespace mathlings
