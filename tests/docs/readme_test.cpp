// The README is the first thing a newcomer reads: what it says setup.sh
// installs must be what setup.sh installs, and its counts must be the
// course's.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "base/files.hpp"
#include "model/spec.hpp"

namespace mathlings {
namespace {

const std::filesystem::path source_dir = MATHLINGS_SOURCE_DIR;

/// Every package named in setup.sh's packages=(…) and packages+=(…) lists.
std::vector<std::string> packages_of_setup() {
  const std::string script = read_file(source_dir / "setup.sh");
  std::vector<std::string> packages;
  const std::regex list(R"(packages\+?=\(([^)]*)\))");
  for (auto it = std::sregex_iterator(script.begin(), script.end(), list); it != std::sregex_iterator(); ++it) {
    std::string body = (*it)[1];
    body = std::regex_replace(body, std::regex("#[^\n]*"), "");  // comments inside the list
    std::istringstream words(body);
    for (std::string word; words >> word;) packages.push_back(word);
  }
  return packages;
}

TEST(Readme, NamesEveryPackageSetupInstalls) {
  const auto packages = packages_of_setup();
  ASSERT_GE(packages.size(), 8u) << "setup.sh's package lists were not found";
  // The README folds its lines: compare with every run of white space as one space.
  const std::string readme = std::regex_replace(read_file(source_dir / "README.md"), std::regex(R"(\s+)"), " ");
  for (const auto& package : packages) {
    EXPECT_TRUE(std::regex_search(
        readme, std::regex("[` ]" + std::regex_replace(package, std::regex(R"([.+])"), R"(\$&)") + "[` ,]")))
        << "README.md does not name " << package << ", which setup.sh installs";
  }
}

TEST(Readme, CountsTheKnownMistakesTheListHas) {
  const std::string readme = std::regex_replace(read_file(source_dir / "README.md"), std::regex(R"(\s+)"), " ");
  std::smatch more;
  ASSERT_TRUE(std::regex_search(readme, more, std::regex(R"(P\(A\|B\), and (\d+) more \(\[the list\])")))
      << "the README's sentence about known mistakes was not found";
  // Five are named in the sentence itself.
  const std::string list = read_file(source_dir / "docs" / "misconceptions.md");
  std::size_t entries = 0;
  for (std::size_t at = list.find("\n- **"); at != std::string::npos; at = list.find("\n- **", at + 1)) ++entries;
  EXPECT_EQ(std::stoul(more[1]) + 5, entries) << "README.md counts the known mistakes of docs/misconceptions.md";
}

TEST(Readme, TheLessonTableHasEachLessonsTestsAndPoints) {
  const std::string readme = read_file(source_dir / "README.md");
  const std::regex row(R"(\| \[(\d\d-[a-z0-9-]+)\]\(lessons/[^)]*\) \|[^|\n]*\|([^|\n]*)\| (\d+) \| (\d+) \|)");
  std::size_t lessons = 0, all_exercises = 0, all_tests = 0;
  double all_points = 0;
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), row); it != std::sregex_iterator(); ++it) {
    const std::string lesson = (*it)[1];
    std::size_t tests = 0, exercises = 0;
    double points = 0;
    for (const auto& file : files_under(source_dir / "specs" / lesson)) {
      if (file.extension() != ".yaml" || file.parent_path() != source_dir / "specs" / lesson) continue;
      const ExerciseSpec spec = load_spec(file);
      ++exercises;
      tests += spec.tests.size();
      points += spec.max_score();
    }
    EXPECT_EQ(std::to_string(tests), (*it)[3]) << lesson << ": tests";
    EXPECT_EQ(std::to_string(static_cast<long>(points)), (*it)[4]) << lesson << ": points";
    ++lessons;
    all_exercises += exercises;
    all_tests += tests;
    all_points += points;
  }
  EXPECT_GE(lessons, 7u) << "the README's lesson table was not found";
  const std::string all = "| **all** | | **" + std::to_string(all_exercises) + "** | **" + std::to_string(all_tests) +
                          "** | **" + std::to_string(static_cast<long>(all_points)) + "** |";
  EXPECT_NE(readme.find(all), std::string::npos) << "README.md's totals are not " << all;
}

}  // namespace
}  // namespace mathlings
