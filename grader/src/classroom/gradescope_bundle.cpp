#include "classroom/gradescope_bundle.hpp"

#include <algorithm>
#include <regex>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "classroom/archive.hpp"

namespace mathlings {
namespace {

// Gradescope builds autograders on Ubuntu 22.04 by default, whose apt cmake
// is 3.22: the bundle asks for no newer one (the project's own 3.25 is for
// its presets, which the bundle neither ships nor uses).
constexpr const char* cmake_minimum = "3.22";

constexpr const char* setup_script = R"(#!/usr/bin/env bash
# Gradescope runs this once, as root, when the autograder is built.
set -euo pipefail
cd /autograder/source
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cmake ninja-build g++ clang libeigen3-dev libyaml-cpp-dev nlohmann-json3-dev libboost-math-dev libarchive-dev libcli11-dev \
  libmd4c-dev libmd4c-html0-dev libsqlite3-dev libsqlitecpp-dev libgit2-dev pkgconf
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build build
# Warm the cache: the precompiled headers and reference solutions, once.
build/grader/mathlings --course course grade course/solutions --format json >/dev/null || true
)";

constexpr const char* run_script = R"(#!/usr/bin/env bash
# Gradescope runs this for every submission. Uploaded files arrive flat
# (elimination.cpp) and repositories whole (exercises/…): --find-files grades
# either, and the results say where the files were found.
set -uo pipefail
cd /autograder/source
mkdir -p /autograder/results
build/grader/mathlings --course course grade /autograder/submission --find-files --format gradescope \
  --output /autograder/results/results.json
status=$?
# 2 with results written: graded, but some exercise not (the machine too busy), and the results say so.
if [ "$status" -ge 2 ] && [ ! -s /autograder/results/results.json ]; then  # nothing could be graded
  printf '{"score": 0, "output": "The autograder failed (exit %s); please tell your instructor."}\n' "$status" \
    > /autograder/results/results.json
fi
exit 0
)";

/// The project's CMakeLists.txt, asking for the bundle's CMake instead of the project's.
std::string bundle_cmakelists(const fs::path& project_root) {
  const fs::path file = project_root / "CMakeLists.txt";
  static const std::regex minimum(R"(cmake_minimum_required\(VERSION [0-9.]+\))");
  const std::string text = read_file(file);
  if (!std::regex_search(text, minimum)) throw GraderError(file.string() + ": no cmake_minimum_required(VERSION …)");
  return std::regex_replace(text, minimum, "cmake_minimum_required(VERSION " + std::string(cmake_minimum) + ")",
                            std::regex_constants::format_first_only);
}

void add_tree(std::vector<std::pair<std::string, fs::path>>& files, const fs::path& root, const fs::path& dir,
              const std::string& prefix) {
  for (const auto& f : files_under(root / dir)) files.emplace_back(prefix + fs::relative(f, root).string(), f);
}

}  // namespace

void export_gradescope_bundle(const Course& course, const fs::path& project_root, const fs::path& zip,
                              std::ostream& out) {
  if (course.is_student_pack()) throw UsageError("a student pack has no solutions to grade with");
  std::vector<std::pair<std::string, fs::path>> files;
  TemporaryDirectory scripts(fs::temp_directory_path());
  write_file_atomically(scripts.path() / "setup.sh", setup_script);
  write_file_atomically(scripts.path() / "run_autograder", run_script);
  write_file_atomically(scripts.path() / "CMakeLists.txt", bundle_cmakelists(project_root));
  for (const char* s : {"setup.sh", "run_autograder"}) {
    fs::permissions(scripts.path() / s, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                            fs::perms::others_read | fs::perms::others_exec);
    files.emplace_back(s, scripts.path() / s);
  }
  files.emplace_back("CMakeLists.txt", scripts.path() / "CMakeLists.txt");
  add_tree(files, project_root, "grader", "");
  files.emplace_back("course/course.yaml", course.root / "course.yaml");
  for (const char* dir : {"include", "lessons", "exercises", "solutions", "specs"}) {
    add_tree(files, course.root, dir, "course/");
  }
  write_zip(zip, files);
  out << "Wrote " << zip.string() << " (" << files.size()
      << " files): upload it as the autograder of a Gradescope programming assignment.\n";
}

}  // namespace mathlings
