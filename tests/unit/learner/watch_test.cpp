// `mathlings watch` without a terminal: what its screen is cut to. The loop
// itself (keys, saves, redraws) is driven through a pseudo-terminal by the
// watch.terminal integration test.
#include "learner/watch.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mathlings {
namespace {

std::size_t lines_of(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(FitToRows, LeavesTextThatFitsAsItIs) {
  EXPECT_EQ(fit_to_rows("a\nb\nc\n", 3, "mathlings check x"), "a\nb\nc\n");
  EXPECT_EQ(fit_to_rows("", 0, "mathlings check x"), "");
}

TEST(FitToRows, CutsToTheRowsAndSaysHowManyLinesWereCutAndWhereToSeeThem) {
  const std::string fitted = fit_to_rows("1\n2\n3\n4\n5\n", 3, "mathlings check a/b");
  EXPECT_EQ(fitted, "1\n2\n  … 3 more lines: mathlings check a/b\n");
  EXPECT_EQ(lines_of(fitted), 3u);
}

TEST(FitToRows, ATinyScreenStillGetsTheLineThatSaysWhatToDo) {
  EXPECT_EQ(fit_to_rows("1\n2\n", 1, "mathlings check a/b"), "  … 2 more lines: mathlings check a/b\n");
}

}  // namespace
}  // namespace mathlings
