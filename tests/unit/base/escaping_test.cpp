// Text made safe for JSON, XML and shell scripts, whatever bytes a learner's
// program printed or a path holds.
#include "base/escaping.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

namespace mathlings {
namespace {

const std::string replacement = "\xef\xbf\xbd";  // U+FFFD

std::string times(const std::string& s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

TEST(Escaping, XmlEscapeEscapesMarkupAndReplacesWhatXmlCannotHold) {
  EXPECT_EQ(xml_escape(R"(<a href="x">&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(xml_escape("tab\tline\nreturn\r"), "tab\tline\nreturn\r");  // allowed as they are
  EXPECT_EQ(xml_escape(std::string("a\x01"
                                   "b\x1b"
                                   "c",
                                   5)),
            "a" + replacement + "b" + replacement + "c");
  EXPECT_EQ(xml_escape("x\xc3"), "x" + replacement);  // a sequence cut short
}

TEST(Escaping, ValidUtf8KeepsEveryWellFormedSequence) {
  for (const std::string s : {"plain ASCII", "é", "€", "😀", "\xed\x9f\xbf" /* U+D7FF */, "\xee\x80\x80" /* U+E000 */,
                              "\xf4\x8f\xbf\xbf" /* U+10FFFF */, "\xef\xbf\xbd"}) {
    EXPECT_EQ(valid_utf8(s), s) << s;
  }
}

TEST(Escaping, ValidUtf8ReplacesEachByteOfWhatADecoderMustRefuse) {
  EXPECT_EQ(valid_utf8("\x80"), replacement);                        // a lone continuation byte
  EXPECT_EQ(valid_utf8("\xc0\xaf"), times(replacement, 2));          // "/" written overlong in two bytes
  EXPECT_EQ(valid_utf8("\xe0\x80\xaf"), times(replacement, 3));      // ... in three
  EXPECT_EQ(valid_utf8("\xf0\x80\x80\xaf"), times(replacement, 4));  // ... in four
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), times(replacement, 3));      // a UTF-16 surrogate, U+D800
  EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), times(replacement, 4));  // past U+10FFFF
  EXPECT_EQ(valid_utf8("\xf5\x80\x80\x80"), times(replacement, 4));  // a lead byte no code point has
  EXPECT_EQ(valid_utf8("\xe2\x82"
                       "x"),
            times(replacement, 2) + "x");  // cut short
  EXPECT_EQ(valid_utf8("\xff"), replacement);
}

TEST(Escaping, ValidUtf8OfAnyBytesIsLeftAsItIsTheSecondTime) {
  std::mt19937 random(20261206);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(static_cast<std::size_t>(round % 17), '\0');
    for (char& c : bytes) c = static_cast<char>(byte(random));
    const std::string once = valid_utf8(bytes);
    EXPECT_EQ(valid_utf8(once), once);
  }
}

TEST(Escaping, AShellQuotedWordIsReadBackByTheShellAsItWas) {
  for (const std::string word :
       {"plain", "", "it's", "''", "$(touch /tmp/x) `id` ${HOME}", "a b\tc\nd", "\\'\"", "-n", "*", "é ✓"}) {
    const std::string command = "printf '%s|' " + shell_quoted(word);
    std::FILE* shell = popen(command.c_str(), "r");
    ASSERT_NE(shell, nullptr);
    std::string out;
    char buffer[256];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, shell)) > 0;) out.append(buffer, n);
    EXPECT_EQ(pclose(shell), 0) << command;
    EXPECT_EQ(out, word + "|") << command;
  }
}

}  // namespace
}  // namespace mathlings
