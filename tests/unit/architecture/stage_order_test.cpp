// The grader's stages depend on each other in one direction only: a file may
// include headers of its own stage and of earlier ones (grader/src/README.md),
// never of a later one. The order is the one grader/src/CMakeLists.txt links
// the stage libraries in, read from there so that it is written once.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path grader_src = MATHLINGS_GRADER_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The stage names of `set(mathlings_stages …)` in grader/src/CMakeLists.txt.
std::vector<std::string> stage_order() {
  static const std::regex declaration(R"(set\(mathlings_stages ([a-z ]+)\))");
  const std::string cmake = read(grader_src / "CMakeLists.txt");
  std::smatch match;
  if (!std::regex_search(cmake, match, declaration)) return {};
  std::vector<std::string> stages;
  std::istringstream names(match[1].str());
  for (std::string name; names >> name;) stages.push_back(name);
  return stages;
}

/// What is wrong with one file's quoted includes, a line each. A file of
/// `stage` may include "common/…" (the wire format shared with the runner)
/// and "<stage>/…" of its own or an earlier stage; nothing relative.
std::vector<std::string> include_problems(const std::vector<std::string>& order, const std::string& stage,
                                          const std::string& file_name, const std::string& text) {
  static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  const auto rank = [&](const std::string& name) {
    return static_cast<long>(std::find(order.begin(), order.end(), name) - order.begin());
  };
  std::vector<std::string> problems;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    std::smatch match;
    if (!std::regex_search(line, match, include)) continue;
    const std::string header = match[1].str();
    const std::string where = file_name + ":" + std::to_string(number) + ": ";
    const std::string first = header.substr(0, header.find('/'));
    if (header.find("..") != std::string::npos || header.find('/') == std::string::npos) {
      problems.push_back(where + "\"" + header + "\": name a header as \"<stage>/<file>\"");
    } else if (first == "common") {
      continue;
    } else if (rank(first) == static_cast<long>(order.size())) {
      problems.push_back(where + "\"" + header + "\": '" + first + "' is not a stage");
    } else if (rank(first) > rank(stage)) {
      problems.push_back(where + "\"" + header + "\": " + stage + " comes before " + first +
                         " in the pipeline and may not use it");
    }
  }
  return problems;
}

bool is_source(const fs::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".cpp" || ext == ".hpp" || ext == ".in";
}

TEST(StageOrder, IsDeclaredOnceInTheBuild) {
  const std::vector<std::string> order = stage_order();
  ASSERT_GE(order.size(), 5u) << "no set(mathlings_stages …) in " << (grader_src / "CMakeLists.txt");
  EXPECT_EQ(order.front(), "base");
  EXPECT_EQ(order.back(), "app");
}

TEST(StageOrder, EveryFolderOfTheGraderIsAStageAndNoSourceLiesAtTheTop) {
  const std::vector<std::string> order = stage_order();
  for (const auto& entry : fs::directory_iterator(grader_src)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory()) {
      EXPECT_NE(std::find(order.begin(), order.end(), name), order.end())
          << "grader/src/" << name << "/ is no stage of grader/src/CMakeLists.txt, so nothing builds or checks it";
    } else {
      EXPECT_FALSE(is_source(entry.path())) << "grader/src/" << name << " belongs in the folder of its stage";
    }
  }
}

TEST(StageOrder, EveryIncludeRunsToTheSameOrAnEarlierStage) {
  const std::vector<std::string> order = stage_order();
  std::size_t files = 0;
  for (const auto& stage : order) {
    for (const auto& entry : fs::directory_iterator(grader_src / stage)) {
      if (!is_source(entry.path())) continue;
      ++files;
      const std::string name = stage + "/" + entry.path().filename().string();
      for (const auto& problem : include_problems(order, stage, name, read(entry.path()))) ADD_FAILURE() << problem;
    }
  }
  EXPECT_GT(files, 50u) << "the check read almost nothing: is MATHLINGS_GRADER_SOURCE_DIR right?";
}

// The check itself, on files made to break it.
TEST(StageOrder, ABackwardIncludeIsCaughtWithItsLine) {
  const std::vector<std::string> order{"base", "model", "judge", "app"};
  const auto problems = include_problems(order, "judge", "judge/grading.cpp",
                                         "#include \"judge/grading.hpp\"\n\n#include \"app/cli.hpp\"\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "judge/grading.cpp:3: \"app/cli.hpp\": judge comes before app in the pipeline and may not use it");
}

TEST(StageOrder, OwnEarlierAndSharedHeadersAreAllowed) {
  const std::vector<std::string> order{"base", "model", "judge", "app"};
  EXPECT_TRUE(include_problems(order, "judge", "judge/x.cpp",
                               "#include \"judge/x.hpp\"\n#include \"model/spec.hpp\"\n#include \"base/files.hpp\"\n"
                               "#include \"common/protocol.hpp\"\n#include <vector>\n")
                  .empty());
}

TEST(StageOrder, RelativeBareAndUnknownIncludesAreRefused) {
  const std::vector<std::string> order{"base", "model"};
  EXPECT_EQ(include_problems(order, "base", "base/a.cpp", "#include \"../model/course.hpp\"\n").size(), 1u);
  EXPECT_EQ(include_problems(order, "base", "base/a.cpp", "  #  include \"files.hpp\"\n").size(), 1u);
  EXPECT_EQ(include_problems(order, "model", "model/a.cpp", "#include \"elsewhere/thing.hpp\"\n").size(), 1u);
}

}  // namespace
