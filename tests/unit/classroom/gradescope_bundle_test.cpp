// The Gradescope autograder's zip, from a small stand-in project: what the
// zip holds, the CMakeLists.txt it rewrites and the scripts Gradescope runs.
// (export.gradescope-bundle exports the real project, configures it and
// runs its run_autograder.)
#include "classroom/gradescope_bundle.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "classroom/archive.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const std::string project_cmakelists =
    "cmake_minimum_required(VERSION 3.25)\n"
    "project(mathlings CXX)\n"
    "# a comment naming cmake_minimum_required(VERSION 3.25) is left alone\n"
    "add_subdirectory(grader)\n";

class GradescopeBundle : public testing::CourseCopy {
 protected:
  void SetUp() override {
    CourseCopy::SetUp();
    write_file_atomically(project / "CMakeLists.txt", project_cmakelists);
    write_file_atomically(project / "grader" / "src" / "main.cpp", "int main() {}\n");
    write_file_atomically(project / "CMakePresets.json", "{}\n");
  }
  /// Exports, unpacks, and returns where.
  fs::path export_and_unpack() {
    std::ostringstream out;
    export_gradescope_bundle(*course, project, work.path() / "autograder.zip", out);
    EXPECT_NE(out.str().find("upload it as the autograder"), std::string::npos) << out.str();
    const fs::path unpacked = work.path() / "unpacked";
    extract_archive(work.path() / "autograder.zip", unpacked);
    return unpacked;
  }
  fs::path project = work.path() / "project";
};

TEST_F(GradescopeBundle, HoldsTheScriptsTheGraderSourcesAndTheWholeCourse) {
  const fs::path unpacked = export_and_unpack();
  for (const char* file : {"setup.sh", "run_autograder", "CMakeLists.txt", "grader/src/main.cpp", "course/course.yaml",
                           "course/solutions/01-vector-norms/norms.cpp", "course/exercises/01-vector-norms/norms.cpp",
                           "course/specs/01-vector-norms/normalize.yaml", "course/lessons/01-vector-norms/README.md",
                           "course/include/mathlings/vector_norms.hpp"})
    EXPECT_TRUE(fs::is_regular_file(unpacked / file)) << file;
  // The hidden tests go too: Gradescope keeps the autograder private.
  EXPECT_NE(read_file(unpacked / "course/specs/01-vector-norms/normalize.yaml").find("hidden: true"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(unpacked / "CMakePresets.json"));  // presets need a newer CMake than Gradescope's
}

TEST_F(GradescopeBundle, AsksForGradescopesCMakeAndChangesNothingElse) {
  const std::string cmakelists = read_file(export_and_unpack() / "CMakeLists.txt");
  EXPECT_EQ(cmakelists,
            std::regex_replace(project_cmakelists, std::regex("VERSION 3\\.25\\)\nproject"), "VERSION 3.22)\nproject"));
}

TEST_F(GradescopeBundle, AProjectWithoutACMakeMinimumIsTheGradersFault) {
  write_file_atomically(project / "CMakeLists.txt", "project(mathlings CXX)\n");
  std::ostringstream out;
  EXPECT_THROW(export_gradescope_bundle(*course, project, work.path() / "autograder.zip", out), GraderError);
}

TEST_F(GradescopeBundle, AStudentPackHasNothingToGradeWith) {
  fs::remove_all(work.path() / "solutions");
  fs::create_directories(work.path() / "expected");
  std::ostringstream out;
  EXPECT_THROW(export_gradescope_bundle(*course, project, work.path() / "autograder.zip", out), UsageError);
}

TEST_F(GradescopeBundle, RunAutograderGradesTheUploadAsGradescopeWantsAndAlwaysLeavesAResult) {
  const std::string script = read_file(export_and_unpack() / "run_autograder");
  EXPECT_EQ(script.rfind("#!/usr/bin/env bash\n", 0), 0u);
  EXPECT_NE(script.find("grade /autograder/submission --find-files --format gradescope"), std::string::npos);
  EXPECT_NE(script.find("--output /autograder/results/results.json"), std::string::npos);
  EXPECT_NE(script.find("--course course"), std::string::npos);
  // A failure still writes results.json (Gradescope shows nothing without
  // one), and the script itself never fails.
  EXPECT_NE(script.find("The autograder failed"), std::string::npos);
  EXPECT_EQ(script.substr(script.size() - 7), "exit 0\n");
}

TEST_F(GradescopeBundle, SetupInstallsOnlyPackagesTheProjectsOwnSetupInstallsAndBuildsWithoutTests) {
  const std::string script = read_file(export_and_unpack() / "setup.sh");
  EXPECT_NE(script.find("-DBUILD_TESTING=OFF"), std::string::npos);
  EXPECT_NE(script.find("cmake --build build"), std::string::npos);
  const std::string own = read_file(fs::path(config::source_dir) / "setup.sh");
  std::smatch listed;
  ASSERT_TRUE(std::regex_search(own, listed, std::regex(R"(packages=\(([^)]*)\))")));
  std::set<std::string> known;
  std::istringstream words(listed[1].str());
  for (std::string word; words >> word;) known.insert(word);
  std::smatch install;
  // The package list: the lines after the install command, each but the last continued with a backslash.
  ASSERT_TRUE(
      std::regex_search(script, install, std::regex(R"(--no-install-recommends \\\n((?:[^\n]*\\\n)*[^\n]*)\n)")));
  std::istringstream packages(install[1].str());
  int count = 0;
  for (std::string package; packages >> package;) {
    if (package == "\\") continue;
    EXPECT_TRUE(known.count(package)) << package;
    ++count;
  }
  EXPECT_GE(count, 5);
}

TEST_F(GradescopeBundle, ItsScriptsAreValidBash) {
  if (!fs::exists("/bin/bash")) GTEST_SKIP() << "no bash here to read the scripts";
  const fs::path unpacked = export_and_unpack();
  for (const char* script : {"setup.sh", "run_autograder"}) {
    const std::string command = "/bin/bash -n '" + (unpacked / script).string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << script;
  }
}

}  // namespace
}  // namespace mathlings
