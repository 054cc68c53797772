#include "base/yaml_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace mathlings {

YamlReader::YamlReader(std::filesystem::path file) : file_(std::move(file)), display_(file_.string()) {
  if (!std::filesystem::exists(file_)) throw CourseError(display_ + ": file not found");
  try {
    root_ = YAML::LoadFile(display_);
  } catch (const YAML::Exception& e) {
    throw CourseError(display_ + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
}

YamlReader::YamlReader(const std::string& text, std::filesystem::path file, int first_line)
    : file_(std::move(file)), display_(file_.string()), line_offset_(first_line - 1) {
  try {
    root_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw CourseError(display_ + ":" + std::to_string(e.mark.line + first_line) + ": not valid YAML: " + e.msg);
  }
}

void YamlReader::fail(const YAML::Node& at, const std::string& field, const std::string& problem) const {
  const int line = at.IsDefined() && at.Mark().line >= 0 ? line_of(at) : 1;
  throw CourseError(display_ + ":" + std::to_string(line) + ": " + field + ": " + problem);
}

void YamlReader::expect_map(const YAML::Node& node, const std::string& field) const {
  if (!node.IsMap()) fail(node, field, "expected a mapping of keys to values");
}

void YamlReader::expect_keys(const YAML::Node& map, const std::string& field,
                             std::initializer_list<const char*> allowed) const {
  expect_map(map, field);
  for (const auto& entry : map) {
    const auto key = entry.first.as<std::string>();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; })) {
      std::string list;
      for (const char* k : allowed) list += std::string(list.empty() ? "" : ", ") + k;
      fail(entry.first, field + "." + key, "unknown key (expected one of: " + list + ")");
    }
  }
}

YAML::Node YamlReader::require(const YAML::Node& map, const std::string& field, const char* key) const {
  const YAML::Node node = map[key];
  if (!node) fail(map, field + "." + key, "missing");
  return node;
}

std::string YamlReader::string(const YAML::Node& node, const std::string& field) const {
  if (!node.IsScalar()) fail(node, field, "expected a text value");
  return node.Scalar();
}

double YamlReader::number(const YAML::Node& node, const std::string& field) const {
  if (!node.IsScalar()) fail(node, field, "expected a number");
  const std::string text = node.Scalar();
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(d)) {
    fail(node, field, "expected a finite number, found '" + text + "'");
  }
  return d;
}

long YamlReader::integer(const YAML::Node& node, const std::string& field) const {
  if (!node.IsScalar()) fail(node, field, "expected a whole number");
  const std::string text = node.Scalar();
  char* end = nullptr;
  errno = 0;
  const long i = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) {
    fail(node, field, "expected a whole number, found '" + text + "'");
  }
  return i;
}

std::vector<std::string> YamlReader::strings(const YAML::Node& node, const std::string& field) const {
  if (!node.IsSequence()) fail(node, field, "expected a list");
  std::vector<std::string> out;
  for (std::size_t k = 0; k < node.size(); ++k) {
    out.push_back(string(node[k], field + "[" + std::to_string(k) + "]"));
  }
  return out;
}

Value YamlReader::value(const YAML::Node& node, const std::string& field) const {
  if (node.IsSequence()) {
    List list;
    for (std::size_t k = 0; k < node.size(); ++k) {
      list.push_back(value(node[k], field + "[" + std::to_string(k) + "]"));
    }
    return list;
  }
  if (node.IsMap()) {  // a struct, its fields in the order written
    Record record;
    for (const auto& entry : node) {
      record.names.push_back(entry.first.as<std::string>());
      record.values.push_back(value(entry.second, field + "." + record.names.back()));
    }
    return record;
  }
  if (node.IsNull()) return {};
  const std::string text = node.Scalar();
  if (node.Tag() == "!") return text;  // a quoted scalar is always a string
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == ".inf" || text == "inf") return INFINITY;
  if (text == "-.inf" || text == "-inf") return -INFINITY;
  if (text == ".nan" || text == "nan") return std::nan("");
  char* end = nullptr;
  errno = 0;
  const long long i = std::strtoll(text.c_str(), &end, 10);
  if (!text.empty() && end == text.c_str() + text.size() && errno == 0) return std::int64_t{i};
  errno = 0;
  const double d = std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size()) return d;
  return text;
}

}  // namespace mathlings
