#include "exec/dependencies.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>

namespace mathlings {

std::vector<std::string> parse_dependency_file(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool target_done = false;
  const auto finish = [&] {
    if (word.empty()) return;
    if (!target_done && word.back() == ':') {
      target_done = true;  // "out.o:" — the target, not a prerequisite
    } else if (target_done && word != ":") {
      words.push_back(word);
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      const char next = text[i + 1];
      if (next == '\n') {  // line continuation
        finish();
        ++i;
        continue;
      }
      if (next == ' ' || next == '#' || next == '\\') {
        word += next;
        ++i;
        continue;
      }
    }
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') {
      word += '$';
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      finish();
      continue;
    }
    word += c;
  }
  finish();
  return words;
}

std::vector<std::string> files_named_in_diagnostics(std::string_view output) {
  static const std::regex located(
      R"(^(?:In file included from |\s+from )?([^\s:{][^:]*):\d+)");  // not "{standard input}": the assembler
  std::vector<std::string> files;
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string_view::npos) end = output.size();
    const std::string line(output.substr(start, end - start));
    std::smatch match;
    if (std::regex_search(line, match, located)) files.push_back(match[1]);
    start = end + 1;
  }
  return files;
}

std::optional<std::string> first_read_outside(const std::vector<std::string>& dependencies, const ReadPolicy& policy) {
  namespace fs = std::filesystem;
  for (const auto& dependency : dependencies) {
    fs::path path(dependency);
    if (path.is_relative()) path = fs::path(policy.working_directory) / path;
    const std::string normal = path.lexically_normal().string();
    const bool allowed_file = std::find(policy.files.begin(), policy.files.end(), normal) != policy.files.end();
    const bool in_allowed_folder = std::any_of(policy.folders.begin(), policy.folders.end(), [&](const auto& folder) {
      return normal.size() > folder.size() && normal.compare(0, folder.size(), folder) == 0 &&
             normal[folder.size()] == '/';
    });
    if (!allowed_file && !in_allowed_folder) return normal;
  }
  return std::nullopt;
}

}  // namespace mathlings
