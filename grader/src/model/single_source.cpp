#include "model/single_source.hpp"

#include <sstream>

#include "base/errors.hpp"

namespace mathlings {
namespace {

constexpr std::string_view begin_marker = "// BEGIN SOLUTION";
constexpr std::string_view begin_only_marker = "// BEGIN SOLUTION ONLY";
constexpr std::string_view end_marker = "// END SOLUTION";
constexpr std::string_view stub_prefix = "// >";

std::string_view trimmed(std::string_view line) {
  const auto b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = line.find_last_not_of(" \t\r");
  return line.substr(b, e - b + 1);
}

}  // namespace

std::string generate_stub(const std::string& solution, const std::string& display_name) {
  std::istringstream in(solution);
  std::string line, stub, indent, replacement;
  int number = 0, region_start = 0, regions = 0;
  bool inside = false;
  bool solution_only = false;
  const auto fail = [&](int at, const std::string& problem) {
    throw CourseError(display_name + ":" + std::to_string(at) + ": " + problem);
  };
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = trimmed(line);
    if (text == begin_marker || text == begin_only_marker) {
      if (inside) fail(number, "BEGIN SOLUTION inside the region opened at line " + std::to_string(region_start));
      inside = true;
      solution_only = text == begin_only_marker;
      region_start = number;
      indent = line.substr(0, line.find_first_not_of(" \t"));
      replacement.clear();
    } else if (text == end_marker) {
      if (!inside) fail(number, "END SOLUTION without a BEGIN SOLUTION");
      inside = false;
      ++regions;
      if (solution_only) {
        if (!replacement.empty()) fail(number, "a SOLUTION ONLY region has no stub lines (// >)");
        continue;
      }
      stub += replacement.empty() ? indent + "// TODO: write this part.\n" + indent + "throw not_implemented();\n"
                                  : replacement;
    } else if (inside) {
      if (text.substr(0, stub_prefix.size()) == stub_prefix) {
        std::string_view rest = text.substr(stub_prefix.size());
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        replacement += rest.empty() ? "\n" : indent + std::string(rest) + "\n";
      }
    } else {
      stub += line + "\n";
    }
  }
  if (inside) fail(region_start, "BEGIN SOLUTION is never closed by END SOLUTION");
  if (regions == 0) {
    fail(1, "no // BEGIN SOLUTION … // END SOLUTION region: mark what the learner is to write");
  }
  return stub;
}

}  // namespace mathlings
