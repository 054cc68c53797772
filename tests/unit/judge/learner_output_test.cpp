// What a learner's code printed: cut by call at the runner's markers, and
// shown after a verdict as text that cannot pass for the grader's own.
#include "judge/learner_output.hpp"

#include <gtest/gtest.h>

#include "protocol.hpp"

namespace mathlings {
namespace {

const std::string token = "0123456789abcdef";

TEST(LearnerOutput, TheRunnersMarkersCutTheOutputByCall) {
  const std::string output = "from a static initialiser\n" + protocol::output_marker(token, 0) + "pivot 1\n" +
                             protocol::output_marker(token, 1) + "pivot 2\nrow swap\n" +
                             protocol::output_marker(token, 2);
  const auto printed = protocol::split_printed(output, token, 3);
  EXPECT_EQ(printed.before, "from a static initialiser\n");
  ASSERT_EQ(printed.calls.size(), 3u);
  EXPECT_EQ(printed.calls[0], "pivot 1\n");
  EXPECT_EQ(printed.calls[1], "pivot 2\nrow swap\n");
  EXPECT_EQ(printed.calls[2], "");
}

TEST(LearnerOutput, MarkersWithAnotherTokenOrBeyondTheCallsAreTheLearnersText) {
  const std::string forged = protocol::output_marker("fedcba9876543210", 1);
  const std::string beyond = protocol::output_marker(token, 7);
  const auto printed =
      protocol::split_printed(protocol::output_marker(token, 0) + "a" + forged + "b" + beyond + "c", token, 2);
  EXPECT_EQ(printed.calls[0], "a" + forged + "b" + beyond + "c");
  EXPECT_EQ(printed.calls[1], "");
  // Without a token nothing can be told apart: all of it came before.
  EXPECT_EQ(protocol::split_printed("x" + beyond, "", 2).before, "x" + beyond);
}

TEST(LearnerOutput, TheAnswersCarryTheMarkerTokenAndAStackOverflow) {
  const std::string results = protocol::encode_marker_token(token) +
                              protocol::encode_answer(0, protocol::Outcome{Value(1.0)}) + "\n" +
                              std::string(protocol::stack_overflow_line) + "crash 1a2b 3c\n";
  const auto answers = protocol::decode_answers(results);
  EXPECT_EQ(answers.output_token, token);
  EXPECT_TRUE(answers.stack_overflow);
  EXPECT_EQ(answers.outcomes.size(), 1u);
  EXPECT_EQ(answers.crash_frames, (std::vector<std::uint64_t>{0x1a2b, 0x3c}));
  EXPECT_FALSE(answers.garbled);
  // Only the first announcement counts (the runner's comes before any learner code).
  const auto later = protocol::decode_answers(protocol::encode_marker_token(token) +
                                              protocol::encode_marker_token("fedcba9876543210") + "done\n");
  EXPECT_EQ(later.output_token, token);
  EXPECT_TRUE(protocol::decode_answers("marker not-hex\ndone\n").output_token.empty());
}

TEST(LearnerOutput, ShownAsAMarkedBlockAfterTheVerdict) {
  EXPECT_EQ(show_printed("A =\n1 2\n3 4", KeepPrinted::first_lines),
            "\n  your code printed (during this call):\n    | A =\n    | 1 2\n    | 3 4");
  EXPECT_EQ(show_printed("", KeepPrinted::first_lines), "");
  EXPECT_EQ(show_printed("\n  \n", KeepPrinted::last_lines), "");
}

TEST(LearnerOutput, LongOutputIsCutToItsFirstOrLastLines) {
  std::string many;
  for (int k = 1; k <= 25; ++k) many += "line " + std::to_string(k) + "\n";
  const std::string first = show_printed(many, KeepPrinted::first_lines);
  EXPECT_NE(first.find("| line 10\n    (15 more lines)"), std::string::npos) << first;
  EXPECT_EQ(first.find("line 11"), std::string::npos) << first;
  const std::string last = show_printed(many, KeepPrinted::last_lines);
  EXPECT_NE(last.find("(15 more lines)\n    | line 16\n"), std::string::npos) << last;
  EXPECT_EQ(last.find("line 15\n"), std::string::npos) << last;
  // A long line keeps its start and its end, where a failed assertion says what failed.
  const std::string wide = show_printed(
      "your program: a.cpp:4: " + std::string(5000, 'x') + ": Assertion `n > 1' failed.", KeepPrinted::first_lines);
  EXPECT_LT(wide.size(), 300u);
  EXPECT_NE(wide.find("| your program: a.cpp:4: xxx"), std::string::npos) << wide;
  EXPECT_NE(wide.find("xxx … xxx"), std::string::npos) << wide;
  EXPECT_NE(wide.find("xxx: Assertion `n > 1' failed."), std::string::npos) << wide;
}

TEST(LearnerOutput, ControlCharactersCannotReachTheTerminal) {
  // Colours, a carriage return that would overwrite the verdict, a C1 CSI,
  // a right-to-left override, invalid UTF-8 and a forged marker's separators.
  const std::string shown = show_printed(
      "\x1b[32mPASSED\x1b[0m\rall tests passed\r\n\xc2\x9b"
      "2J \xe2\x80\xae"
      "dessap\xff\x1e",
      KeepPrinted::first_lines);
  EXPECT_EQ(shown,
            "\n  your code printed (during this call):\n    | ?[32mPASSED?[0m?all tests passed\n"
            "    | ?2J ?dessap\xef\xbf\xbd?");
  // Every line the learner printed is marked, so none can stand as the grader's.
  const std::string lines = show_printed("ok\n10/10 tests passed\nScore: 100", KeepPrinted::first_lines);
  std::size_t at = lines.find('\n', 1);
  for (; at != std::string::npos; at = lines.find('\n', at + 1)) EXPECT_EQ(lines.substr(at, 7), "\n    | ");
}

}  // namespace
}  // namespace mathlings
