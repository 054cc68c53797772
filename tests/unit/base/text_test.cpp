// Text for a terminal: matrices side by side, lines wrapped within a width.
#include "base/text.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

Matrix matrix(std::size_t rows, std::size_t cols, std::vector<double> data) {
  return Matrix{rows, cols, std::move(data)};
}

TEST(Text, SmallMatricesSideBySideWithWrongRowsMarked) {
  const Value expected = matrix(2, 2, {1, 2, 3, 4});
  const Value actual = matrix(2, 2, {1, 2, 3, 4.5});
  EXPECT_EQ(format_matrices_side_by_side(expected, actual, {false, true}),
            "expected:    actual:\n"
            "[1  2]       [1    2]\n"
            "[3  4]       [3  4.5]  ←");
}

TEST(Text, LargeOrNonMatrixValuesAreNotDrawn) {
  EXPECT_EQ(format_matrices_side_by_side(Value(1.0), Value(2.0), {}), std::nullopt);
  const Value big = matrix(7, 1, std::vector<double>(7, 0));
  EXPECT_EQ(format_matrices_side_by_side(big, big, {}), std::nullopt);
  const Value row = matrix(1, 2, {1, 2});  // one row reads fine inline
  EXPECT_EQ(format_matrices_side_by_side(row, row, {}), std::nullopt);
}

TEST(Text, LongLinesBreakAtSpacesWithinTheWidth) {
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

}  // namespace
}  // namespace mathlings
