// Strict reading of the course's YAML files: every error names the file, the
// line and the field, and says what was expected; unknown keys are errors, so
// a typo never silently falls back to a default.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/errors.hpp"
#include "common/value.hpp"

namespace mathlings {

class YamlReader {
 public:
  /// Parses the file; a syntax error becomes a CourseError with its line.
  explicit YamlReader(std::filesystem::path file);
  /// YAML embedded in another file (a figure in a lesson): errors name that
  /// file and the line there, `first_line` being the text's first.
  YamlReader(const std::string& text, std::filesystem::path file, int first_line);

  const YAML::Node& root() const { return root_; }
  const std::filesystem::path& file() const { return file_; }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& problem) const;
  int line_of(const YAML::Node& node) const { return node.Mark().line + line_offset_ + 1; }

  void expect_map(const YAML::Node& node, const std::string& field) const;
  void expect_keys(const YAML::Node& map, const std::string& field, std::initializer_list<const char*> allowed) const;
  YAML::Node require(const YAML::Node& map, const std::string& field, const char* key) const;

  std::string string(const YAML::Node& node, const std::string& field) const;
  double number(const YAML::Node& node, const std::string& field) const;
  long integer(const YAML::Node& node, const std::string& field) const;
  std::vector<std::string> strings(const YAML::Node& node, const std::string& field) const;
  /// Any YAML data as a Value: integers stay integers, other numbers are reals.
  Value value(const YAML::Node& node, const std::string& field) const;

 private:
  std::filesystem::path file_;
  std::string display_;
  YAML::Node root_;
  int line_offset_ = 0;
};

}  // namespace mathlings
