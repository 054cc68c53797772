#include "roster.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "errors.hpp"

namespace mathlings {
namespace {

std::string trimmed(std::string text) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), blank));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), blank).base(), text.end());
  return text;
}

/// The first field of a CSV line (quotes removed; a quoted comma kept).
std::string first_field(const std::string& line) {
  const std::string text = trimmed(line);
  if (!text.empty() && text.front() == '"') {
    std::string field;
    for (std::size_t k = 1; k < text.size(); ++k) {
      if (text[k] != '"') {
        field += text[k];
      } else if (k + 1 < text.size() && text[k + 1] == '"') {
        field += '"';
        ++k;
      } else {
        break;
      }
    }
    return trimmed(field);
  }
  return trimmed(text.substr(0, text.find_first_of(",;\t")));
}

bool is_header(std::string field) {
  std::transform(field.begin(), field.end(), field.begin(), [](unsigned char c) { return std::tolower(c); });
  return field == "student" || field == "id" || field == "username" || field == "login" || field == "name" ||
         field == "github username";
}

}  // namespace

std::vector<std::string> read_roster(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw UsageError("cannot read the roster " + file.string());
  std::vector<std::string> students;
  std::map<std::string, int> seen_on;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string text = trimmed(line);
    if (text.empty() || text.front() == '#') continue;
    const std::string id = first_field(text);
    if (students.empty() && seen_on.empty() && is_header(id)) continue;
    const std::string where = file.string() + ":" + std::to_string(number) + ": ";
    if (id.empty()) throw UsageError(where + "no student id in the first field");
    if (id.find('/') != std::string::npos || id == "." || id == "..") {
      throw UsageError(where + "'" + id + "' cannot name a submission in ROOT (a folder or archive name)");
    }
    if (const auto earlier = seen_on.find(id); earlier != seen_on.end()) {
      throw UsageError(where + "'" + id + "' is on the roster already, at line " + std::to_string(earlier->second));
    }
    seen_on.emplace(id, number);
    students.push_back(id);
  }
  if (students.empty()) throw UsageError("the roster " + file.string() + " names no student");
  return students;
}

}  // namespace mathlings
