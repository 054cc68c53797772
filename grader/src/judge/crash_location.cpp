#include "judge/crash_location.hpp"

#include <sstream>
#include <utility>

#include "exec/process.hpp"

namespace mathlings {

namespace {

/// Eigen's types as the lesson headers spell them.
std::string readable_function(std::string function) {
  static const std::pair<const char*, const char*> names[] = {
      {"Eigen::Matrix<double, -1, -1, 0, -1, -1>", "Eigen::MatrixXd"},
      {"Eigen::Matrix<double, -1, 1, 0, -1, 1>", "Eigen::VectorXd"},
      {"Eigen::Matrix<double, 2, 1, 0, 2, 1>", "Eigen::Vector2d"},
      {"std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >", "std::string"},
      {"std::vector<double, std::allocator<double> >", "std::vector<double>"},
      {"std::vector<int, std::allocator<int> >", "std::vector<int>"}};
  for (const auto& [from, to] : names) {
    const std::string f(from);
    for (auto at = function.find(f); at != std::string::npos; at = function.find(f, at))
      function.replace(at, f.size(), to);
  }
  return function;
}

}  // namespace

std::optional<std::string> learner_frame(const std::string& addr2line_output, const std::string& learner_file) {
  std::istringstream in(addr2line_output);
  std::string function, location;
  while (std::getline(in, function) && std::getline(in, location)) {
    // "/tmp/01-linear-algebra/determinant.cpp:17 (discriminator 2)"
    const auto colon = location.rfind(':', location.find(" ("));
    if (colon == std::string::npos) continue;
    const std::string file = location.substr(0, colon);
    const std::string line = location.substr(colon + 1, location.find(' ', colon) - colon - 1);
    const bool ours = file == learner_file ||
                      (file.size() > learner_file.size() &&
                       file.compare(file.size() - learner_file.size(), std::string::npos, learner_file) == 0 &&
                       file[file.size() - learner_file.size() - 1] == '/');
    if (!ours || line.empty() || line == "?" || line == "0") continue;
    return learner_file + ":" + line +
           (function.empty() || function == "??" ? "" : ", in " + readable_function(function));
  }
  return std::nullopt;
}

std::optional<std::string> locate_crash(const std::filesystem::path& runner, const std::vector<std::uint64_t>& frames,
                                        const std::string& learner_file) {
  const std::filesystem::path addr2line = "/usr/bin/addr2line";
  if (frames.empty() || !std::filesystem::exists(addr2line)) return std::nullopt;
  ProcessSpec spec;
  spec.argv = {addr2line.string(), "-f", "-C", "-i", "-e", runner.string()};
  for (std::size_t k = 0; k < frames.size(); ++k) {
    // The first is where the signal struck, exact; the others are return
    // addresses, which point after their call: one byte back is inside it.
    if (frames[k] == 0) continue;  // outside the executable
    std::ostringstream hex;
    hex << std::hex << "0x" << (k == 0 ? frames[k] : frames[k] - 1);
    spec.argv.push_back(hex.str());
  }
  spec.environment = {"LANG=C", "LC_ALL=C"};
  spec.limits.wall_seconds = 10;
  const ProcessResult r = run_process(spec);
  if (!r.succeeded()) return std::nullopt;
  return learner_frame(r.output, learner_file);
}

}  // namespace mathlings
