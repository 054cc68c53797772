#include <gtest/gtest.h>

#include "base/text.hpp"
#include "judge/crash_location.hpp"
#include "judge/misconceptions.hpp"

namespace mathlings {
namespace {

using protocol::Outcome;

Matrix matrix(std::size_t rows, std::size_t cols, std::vector<double> data) {
  return Matrix{rows, cols, std::move(data)};
}

TEST(Feedback, SmallMatricesSideBySideWithWrongRowsMarked) {
  const Value expected = matrix(2, 2, {1, 2, 3, 4});
  const Value actual = matrix(2, 2, {1, 2, 3, 4.5});
  EXPECT_EQ(format_matrices_side_by_side(expected, actual, {false, true}),
            "expected:    actual:\n"
            "[1  2]       [1    2]\n"
            "[3  4]       [3  4.5]  ←");
}

TEST(Feedback, LargeOrNonMatrixValuesAreNotDrawn) {
  EXPECT_EQ(format_matrices_side_by_side(Value(1.0), Value(2.0), {}), std::nullopt);
  const Value big = matrix(7, 1, std::vector<double>(7, 0));
  EXPECT_EQ(format_matrices_side_by_side(big, big, {}), std::nullopt);
  const Value row = matrix(1, 2, {1, 2});  // one row reads fine inline
  EXPECT_EQ(format_matrices_side_by_side(row, row, {}), std::nullopt);
}

TEST(Feedback, LongLinesBreakAtSpacesWithinTheWidth) {
  const std::string text = "This looks like a known mistake: the sample variance divides by n − 1, not n.";
  const std::string wrapped = wrap_text(text, "    ", 40);
  EXPECT_EQ(wrapped,
            "    This looks like a known mistake:\n"
            "      the sample variance divides by n\n"
            "      − 1, not n.\n");
  std::size_t start = 0;
  for (std::size_t end; (end = wrapped.find('\n', start)) != std::string::npos; start = end + 1) {
    EXPECT_LE(display_columns(wrapped.substr(start, end - start)), 40u);
  }
  EXPECT_EQ(wrap_text("one-enormous-word-that-cannot-break", "  ", 10), "  one-enormous-word-that-cannot-break\n");
  EXPECT_EQ(wrap_text("kept as it is", "", std::string::npos), "kept as it is\n");
}

Outcome value(double d) {
  return Outcome{Value(d)};
}
Outcome thrown(const char* type) {
  return Outcome{protocol::Thrown{type, "why"}};
}

class VariantMatching : public ::testing::Test {
 protected:
  TestSpec test;
  std::vector<List> args{List{Value(1.0)}, List{Value(2.0)}, List{Value(3.0)}};
  std::vector<Outcome> expected{value(1), value(-1), thrown("std::invalid_argument")};
};

TEST_F(VariantMatching, AgreesWhereverTheLearnerIsWrong) {
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1), value(7)}));
  // Right where the variant is wrong does not matter; wrong elsewhere must agree.
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1), thrown("std::invalid_argument")}));
}

TEST_F(VariantMatching, ADifferentWrongAnswerIsNotThatMistake) {
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(2), value(7)}));
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(1), thrown("std::domain_error")}));
}

TEST_F(VariantMatching, NothingWrongOrNothingToCompareIsNoMatch) {
  EXPECT_FALSE(matches_variant(test, args, expected, {value(1), value(1), value(7)}, expected));
  EXPECT_FALSE(matches_variant(test, args, expected, {}, {value(1), value(1), value(7)}));  // the variant failed
}

TEST_F(VariantMatching, TheTestsToleranceDecidesAgreement) {
  test.tolerance = {1e-6, 0};
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1 + 1e-9), value(7)}));
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(1.1), value(7)}));
}

TEST(Feedback, ACrashIsPlacedAtTheLearnersInnermostLine) {
  const std::string output =
      "(anonymous namespace)::report_crash(int, siginfo_t*, void*)\n"
      "/work/main/grader/harness/src/runner_main.cpp:80\n"
      "Eigen::DenseCoeffsBase<Eigen::Matrix<double, -1, -1, 0, -1, -1>, 1>::operator()(long, long)\n"
      "/usr/include/eigen3/Eigen/src/Core/DenseCoeffsBase.h:364\n"
      "mathlings::determinant(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&)\n"
      "/tmp/01-linear-algebra/determinant.cpp:17 (discriminator 3)\n"
      "main\n"
      "/work/main/grader/harness/src/runner_main.cpp:140\n";
  EXPECT_EQ(learner_frame(output, "01-linear-algebra/determinant.cpp"),
            "01-linear-algebra/determinant.cpp:17, in mathlings::determinant(Eigen::MatrixXd const&)");
  EXPECT_EQ(learner_frame(output, "01-linear-algebra/inverse.cpp"), std::nullopt);
  EXPECT_EQ(learner_frame("??\n??:0\n", "a.cpp"), std::nullopt);
  // A file that merely ends like the learner's is not it.
  EXPECT_EQ(learner_frame("f\n/x/my01-linear-algebra/determinant.cpp:3\n", "01-linear-algebra/determinant.cpp"),
            std::nullopt);
}

}  // namespace
}  // namespace mathlings
