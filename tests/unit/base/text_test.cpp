// Values and text as people read them in feedback: numbers with enough
// digits, large values abbreviated, lines that fit the terminal.
#include "base/text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace mathlings {
namespace {

TEST(Text, NumbersShowTenSignificantDigitsAndNoMore) {
  EXPECT_EQ(format_number(2), "2");
  EXPECT_EQ(format_number(-0.5), "-0.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1.0 / 3), "0.3333333333");
  EXPECT_EQ(format_number(1e-20), "1e-20");
  EXPECT_EQ(format_number(123456789012.0), "1.23456789e+11");
  EXPECT_EQ(format_number(std::nan("")), "NaN");
  EXPECT_EQ(format_number(INFINITY), "inf");
  EXPECT_EQ(format_number(-INFINITY), "-inf");
}

TEST(Text, OneLineTurnsControlCharactersIntoSpaces) {
  EXPECT_EQ(one_line("a\nb\r\tc\x7f"
                     "d"),
            "a b  c d");
  EXPECT_EQ(one_line(std::string("nul\0x", 5)), "nul x");
  EXPECT_EQ(one_line("α — β"), "α — β");  // bytes beyond ASCII are not control characters
}

TEST(Text, SecondsHaveTwoSignificantDigitsBelowTen) {
  EXPECT_EQ(format_seconds(9.94), "9.9 s");
  EXPECT_EQ(format_seconds(9.96), "10 s");
  EXPECT_EQ(format_seconds(0.001234), "0.0012 s");
  EXPECT_EQ(format_seconds(0), "0 s");
  EXPECT_EQ(format_seconds(600.4), "600 s");
}

TEST(Text, ListNamesStopsAtTheLimitAndCountsTheRest) {
  EXPECT_EQ(list_names({}, 3), "");
  EXPECT_EQ(list_names({"alice"}, 3), "alice");
  EXPECT_EQ(list_names({"alice", "bob", "carol"}, 3), "alice, bob, carol");
  EXPECT_EQ(list_names({"alice", "bob", "carol", "dave", "erin"}, 2), "alice, bob and 3 more");
}

TEST(Text, ValuesAreAbbreviatedWhenLarge) {
  EXPECT_EQ(format_value(Value()), "(nothing)");
  EXPECT_EQ(format_value(true), "true");
  EXPECT_EQ(format_value(std::int64_t{-7}), "-7");
  EXPECT_EQ(format_value("text"), "\"text\"");
  EXPECT_EQ(format_value(std::vector<double>{1, 2.5}), "[1, 2.5]");
  EXPECT_EQ(format_value(std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), "[0, 1, 2, 3, …, 9] (10 entries)");
  EXPECT_EQ(format_value(std::vector<double>{0, 1, 2, 3, 4, 5}), "[0, 1, 2, 3, 4, 5]");  // six fit
  EXPECT_EQ(format_value(Matrix{2, 2, {1, 2, 3, 4}}), "[[1, 2], [3, 4]]");
  Matrix wide{1, 8, {1, 2, 3, 4, 5, 6, 7, 8}};
  EXPECT_EQ(format_value(wide, 4), "[[1, 2, …, 8]] (1×8)");
  EXPECT_EQ(format_value(List{1, "a", std::vector<double>{0.5}}), "[1, \"a\", [0.5]]");
  EXPECT_EQ(format_value(Record{{"slope", "intercept"}, {2.0, -1.0}}), "{slope: 2, intercept: -1}");
}

TEST(Text, CallsAreShownAsTheLearnerWouldWriteThem) {
  EXPECT_EQ(format_call("solve_by_elimination", {Matrix{2, 2, {1, 2, 2, 5}}, std::vector<double>{18, 45}}),
            "solve_by_elimination([[1, 2], [2, 5]], [18, 45])");
  EXPECT_EQ(format_call("mean", {}), "mean()");
}

TEST(Text, SmallMatricesAreShownSideBySideWithTheWrongRowsMarked) {
  const Value expected = Matrix{2, 2, {1, 2, 3, 4}};
  const Value actual = Matrix{2, 2, {1, 2, 3, 40}};
  const auto shown = format_matrices_side_by_side(expected, actual, {false, true});
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(*shown,
            "expected:    actual:\n"
            "[1  2]       [1   2]\n"
            "[3  4]       [3  40]  ←");
  // Anything but two small matrices of at least two rows is left to the usual lines.
  EXPECT_FALSE(format_matrices_side_by_side(std::vector<double>{1, 2}, actual, {}));
  EXPECT_FALSE(format_matrices_side_by_side(Matrix{1, 2, {1, 2}}, Matrix{1, 2, {1, 3}}, {true}));
  const Matrix big{7, 1, std::vector<double>(7, 0.0)};
  EXPECT_FALSE(format_matrices_side_by_side(big, big, {}));
}

TEST(Text, DisplayColumnsCountCodePointsNotBytesNorColours) {
  EXPECT_EQ(display_columns(""), 0u);
  EXPECT_EQ(display_columns("abc"), 3u);
  EXPECT_EQ(display_columns("α≤β"), 3u);
  EXPECT_EQ(display_columns("\033[31mred\033[0m"), 3u);
}

TEST(Text, WrapTextBreaksLongLinesAtSpacesAndIndentsContinuations) {
  EXPECT_EQ(wrap_text("short", "  "), "  short\n");
  EXPECT_EQ(wrap_text("one\ntwo", "> "), "> one\n> two\n");
  EXPECT_EQ(wrap_text("aaaa bbbb cccc dddd eeee ffff gggg", "", 30), "aaaa bbbb cccc dddd eeee ffff\n  gggg\n");
  // Every line fits, and no word is lost or split.
  std::string text = "wörd0";
  for (int k = 1; k < 40; ++k) text += " wörd" + std::to_string(k);
  const std::string wrapped = wrap_text(text, "    ", 50);
  std::istringstream lines(wrapped);
  std::string line, rejoined;
  int count = 0;
  for (; std::getline(lines, line); ++count) {
    EXPECT_LE(display_columns(line), 50u) << line;
    EXPECT_EQ(line.rfind(count == 0 ? "    " : "      ", 0), 0u) << line;
    rejoined += (rejoined.empty() ? "" : " ") + line.substr(line.find_first_not_of(' '));
  }
  EXPECT_GT(count, 4);
  EXPECT_EQ(rejoined, text);
}

TEST(Text, WrapTextLeavesALongWordAndTheUnlimitedWidthAlone) {
  const std::string word(100, 'x');
  EXPECT_EQ(wrap_text(word, "", 30), word + "\n");
  const std::string compiler = "error: no matching function for call to 'solve(std::vector<double>&)' " + word;
  EXPECT_EQ(wrap_text(compiler, "  ", std::string::npos), "  " + compiler + "\n");
}

// Moved from the old feedback tests.
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
