// The README is the first thing a newcomer reads: what it says setup.sh
// installs must be what setup.sh installs.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "base/files.hpp"

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

}  // namespace
}  // namespace mathlings
