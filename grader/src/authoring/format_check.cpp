#include "authoring/format_check.hpp"

#include <regex>
#include <set>
#include <sstream>

#include "exec/process.hpp"

namespace mathlings {

FormatCheck check_formatting(const Course& course) {
  namespace fs = std::filesystem;
  FormatCheck check;
  const fs::path tool = "/usr/bin/clang-format";
  if (!fs::exists(tool)) return {"clang-format is not installed (apt-get install clang-format)", ""};
  if (!fs::exists(course.root / ".clang-format")) return {"the course has no .clang-format", ""};
  std::vector<std::string> argv{tool.string(), "--dry-run", "--Werror", "--style=file"};
  for (const auto& dir : {course.solutions_dir(), course.exercises_dir(), course.include_dir()}) {
    if (!fs::is_directory(dir)) continue;
    std::set<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) files.insert(entry.path());
    }
    for (const auto& f : files) argv.push_back(fs::relative(f, course.root).string());
  }
  ProcessSpec spec;
  spec.argv = argv;
  spec.environment = {"PATH=/usr/bin:/bin", "LANG=C"};
  spec.working_directory = course.root;
  spec.limits.wall_seconds = 60;
  const ProcessResult r = run_process(spec);
  if (r.succeeded()) return check;
  // One complaint a line; std::regex's ^ matches only at the start of the text.
  static const std::regex complaint(R"(^([^:]+):\d+:\d+: (error|warning): code should be clang-formatted)");
  std::set<std::string> unformatted;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, complaint)) unformatted.insert(match[1]);
  }
  for (const auto& f : unformatted) check.unformatted += "\n        " + f;
  if (check.unformatted.empty()) check.unformatted = "\n" + r.output.substr(0, 2000);
  check.unformatted = "run clang-format -i on:" + check.unformatted;
  return check;
}

}  // namespace mathlings
