// Certified values: published results that the reference solutions must
// reproduce (part of `mathlings verify`).
#include "authoring/certified.hpp"

#include <gtest/gtest.h>

#include "base/config.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

TEST(Conform, IntegersBecomeRealsWhereTheReferenceGivesReals) {
  EXPECT_EQ(conform(Value(5), Value(0.5)), Value(5.0));
  EXPECT_EQ(conform(Value(5), Value(5)), Value(5));  // an integer result stays one
  EXPECT_EQ(conform(Value(List{1, 2.5}), Value(std::vector<double>{})), Value(std::vector<double>{1, 2.5}));
}

TEST(Conform, NestedListsBecomeAMatrixRowByRow) {
  const Value literal(List{List{1, 2}, List{3, 4}, List{5, 6}});
  EXPECT_EQ(conform(literal, Value(Matrix{})), Value(Matrix{3, 2, {1, 2, 3, 4, 5, 6}}));
}

TEST(Conform, WhatDoesNotFitIsLeftAsWrittenForTheComparisonToReport) {
  const Value ragged(List{List{1, 2}, List{3}});
  EXPECT_EQ(conform(ragged, Value(Matrix{})), ragged);
  const Value words(List{"a", "b"});
  EXPECT_EQ(conform(words, Value(std::vector<double>{})), words);
  EXPECT_EQ(conform(Value(List{1, 2}), Value(List{0.5})), Value(List{1, 2}));  // lengths differ
}

TEST(Conform, AListIsConformedEntryByEntryToTheReferencesList) {
  EXPECT_EQ(conform(Value(List{1, List{2, 3}, "x"}), Value(List{0.5, std::vector<double>{}, "y"})),
            Value(List{1.0, std::vector<double>{2, 3}, "x"}));
}

using CertifiedValues = testing::CourseCopy;

// One compile of a reference solution: the norms of the example course,
// certified once rightly and once wrongly.
TEST_F(CertifiedValues, AgreeingValuesPassAndADisagreementNamesItsSourceAndLine) {
  const fs::path spec = work.path() / "specs" / "01-vector-norms" / "norms.yaml";
  std::string text = read_file(spec);
  const std::string l2_case = "    function: l2_norm\n    cases:\n      - [[3, -4]]\n";
  const std::string l1_case = "    function: l1_norm\n    cases:\n      - [[3, -4]]\n";
  ASSERT_NE(text.find(l2_case), std::string::npos);
  ASSERT_NE(text.find(l1_case), std::string::npos);
  text.replace(text.find(l2_case), l2_case.size(),
               "    function: l2_norm\n    cases:\n      - {args: [[3, -4]], certified: 5, digits: 6, source: "
               "\"Pythagoras\"}\n");
  text.replace(text.find(l1_case), l1_case.size(),
               "    function: l1_norm\n    cases:\n      - {args: [[3, -4]], certified: 7.5, digits: 6, source: "
               "\"a misprint\"}\n");
  write_file_atomically(spec, text);
  reload();
  Toolchain toolchain{fs::path(config::default_cache_dir)};
  Grader grader(*course, toolchain, 1, true);
  const CertifiedReport report = check_certified_values(grader, course->find("01-vector-norms/norms"));
  EXPECT_EQ(report.checked, 2);
  ASSERT_EQ(report.problems.size(), 1u);
  const std::string where = report.problems[0].where;
  EXPECT_EQ(where.substr(where.rfind('/') + 1), "norms.yaml:18") << where;  // the case's own line
  EXPECT_NE(report.problems[0].problem.find("l1_norm"), std::string::npos) << report.problems[0].problem;
  EXPECT_NE(report.problems[0].problem.find("but a misprint gives 7.5"), std::string::npos)
      << report.problems[0].problem;
}

TEST_F(CertifiedValues, AnExerciseWithoutThemChecksNothing) {
  Toolchain toolchain{fs::path(config::default_cache_dir)};
  Grader grader(*course, toolchain, 1, true);
  const CertifiedReport report = check_certified_values(grader, course->find("01-vector-norms/normalize"));
  EXPECT_EQ(report.checked, 0);
  EXPECT_TRUE(report.problems.empty());
}

}  // namespace
}  // namespace mathlings
