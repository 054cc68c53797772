// The similarity report on tests/fixtures/similarity: the renamed and the
// reordered copies are found, with their passages; unrelated solutions and
// an untouched stub are never paired.
#include "classroom/similarity.hpp"

#include <gtest/gtest.h>

#include <set>

#include "base/files.hpp"
#include "exec/programs.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const fs::path fixtures = fs::path(MATHLINGS_TEST_FIXTURES) / "similarity";

TEST(Similarity, TheStubsLinesAreLeftOutAndTheRestKeepsItsLineNumbers) {
  const auto [own, line_of] = own_lines("#include <x>\nint f(int a) {\n  return a + 1;\n}\n",
                                        "#include <x>\nint f(int a) {\n  throw not_implemented();\n}\n");
  EXPECT_EQ(own, "  return a + 1;\n}\n");  // "}" is too short to say who wrote it: kept
  EXPECT_EQ(line_of, (std::vector<int>{3, 4}));
}

TEST(Similarity, FindsTheRenamedAndReorderedCopiesAndPairsNothingElse) {
  if (!find_program("sim_c++")) GTEST_SKIP() << "sim_c++ is not installed (apt-get install similarity-tester)";
  const auto course = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path().parent_path());
  ClassFiles files;
  for (const char* exercise : {"elimination", "determinant"})
    for (const auto& file : fs::directory_iterator(fixtures / exercise))
      files[std::string("01-linear-algebra/") + exercise][file.path().stem().string()] = read_file(file.path());
  const SimilarityReport report = find_similar_pairs(*course, files);
  ASSERT_TRUE(report.checked) << report.why_not;
  EXPECT_EQ(report.files, 14u);
  std::set<std::string> found;
  for (const auto& pair : report.pairs) {
    found.insert(pair.exercise + ": " + pair.a + " ~ " + pair.b);
    EXPECT_GE(std::max(pair.a_in_b, pair.b_in_a), similar_percent);
    ASSERT_FALSE(pair.passages.empty()) << pair.a << " ~ " << pair.b;
    const MatchedPassage& longest = pair.passages.front();
    EXPECT_GT(longest.tokens, 24);
    EXPECT_FALSE(longest.text_a.empty());
    EXPECT_FALSE(longest.text_b.empty());
    EXPECT_GE(longest.first_a, 1);
    EXPECT_LE(longest.first_a, longest.last_a);
  }
  std::set<std::string> expected;
  for (const char* exercise : {"elimination", "determinant"})
    for (const char* pair : {"original ~ renamed", "original ~ reordered", "renamed ~ reordered"})
      expected.insert(std::string("01-linear-algebra/") + exercise + ": " + pair);
  EXPECT_EQ(found, expected);
}

TEST(Similarity, WithoutSimItSaysWhyNothingWasCompared) {
  const auto course = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path().parent_path());
  const char* path = std::getenv("PATH");
  const std::string saved = path ? path : "";
  setenv("PATH", "/nonexistent", 1);
  const SimilarityReport report = find_similar_pairs(*course, {});
  setenv("PATH", saved.c_str(), 1);
  EXPECT_FALSE(report.checked);
  EXPECT_EQ(report.why_not, "sim_c++ is not installed (apt-get install similarity-tester)");
}

}  // namespace
}  // namespace mathlings
