#include "exec/programs.hpp"

#include <unistd.h>

#include <cstdlib>

#include "base/errors.hpp"
#include "base/text.hpp"

extern char** environ;

namespace mathlings {

std::optional<std::filesystem::path> find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (name.empty() || name.find('/') != std::string::npos || path == nullptr) return std::nullopt;
  std::string folders(path);
  for (std::size_t start = 0; start <= folders.size();) {
    const std::size_t end = std::min(folders.find(':', start), folders.size());
    // An empty PATH entry means the working directory: never trusted here.
    if (end > start) {
      const std::filesystem::path candidate = std::filesystem::path(folders.substr(start, end - start)) / name;
      std::error_code ec;
      if (std::filesystem::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::vector<std::string> own_environment() {
  std::vector<std::string> lines;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) lines.emplace_back(*e);
  return lines;
}

std::string run_tool(std::vector<std::string> argv, const std::string& purpose, double wall_seconds,
                     const std::filesystem::path& working_directory,
                     const std::vector<std::string>& extra_environment) {
  const auto program = find_program(argv.at(0));
  if (!program) throw GraderError(purpose + " needs " + argv[0] + ", which is on no folder of the PATH");
  argv[0] = program->string();
  ProcessSpec spec;
  spec.argv = argv;
  spec.environment = own_environment();
  for (const auto& extra : extra_environment) {
    const std::string name = extra.substr(0, extra.find('=') + 1);  // one value a name: getenv takes the first
    std::erase_if(spec.environment, [&](const std::string& line) { return line.starts_with(name); });
    spec.environment.push_back(extra);
  }
  spec.working_directory = working_directory;
  spec.limits.wall_seconds = wall_seconds;
  spec.limits.open_files = 1024;
  spec.limits.output_bytes = 64 << 20;  // a scheduler's account of a large job array
  const ProcessResult result = run_process(spec);
  const std::string said = one_line(result.output);
  if (result.end == ProcessResult::End::wall_timeout) {
    throw GraderError(purpose + ": " + program->filename().string() + " did not answer within " +
                      format_number(wall_seconds) + " s" + (said.empty() ? "" : " (it said: " + said + ")"));
  }
  if (result.end != ProcessResult::End::exited || result.exit_code != 0) {
    throw GraderError(purpose + ": " + program->filename().string() + " failed" + (said.empty() ? "" : ": " + said));
  }
  return result.output;
}

}  // namespace mathlings
