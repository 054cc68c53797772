// The one CSV writer: no cell a student chose can become a formula, and
// what is written reads back as it was (RFC 4180).
#include "base/csv.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(Csv, TextThatAStudentChoseIsNeverAFormula) {
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"http:x\",\"click\")"), "\"'=HYPERLINK(\"\"http:x\"\",\"\"click\"\")\"");
  EXPECT_EQ(csv_text_cell("+cmd"), "\"'+cmd\"");
  EXPECT_EQ(csv_text_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_text_cell("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(csv_text_cell("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv_text_cell("\r=1"), "\"'\r=1\"");
}

TEST(Csv, OrdinaryTextIsQuotedOnlyWhereRfc4180AsksIt) {
  EXPECT_EQ(csv_text_cell("alice"), "alice");
  EXPECT_EQ(csv_text_cell("C#dev"), "C#dev");
  EXPECT_EQ(csv_text_cell("Liddell, Alice"), "\"Liddell, Alice\"");
  EXPECT_EQ(csv_text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_text_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_text_cell(""), "");
}

TEST(Csv, NumbersTheGraderFormatsStayNumbers) {
  EXPECT_EQ(CsvRecord().text("-x").number(-2.5).number(10).text("").line(), "\"'-x\",-2.5,10,\n");
}

TEST(Csv, WhatIsWrittenReadsBackAsItWas) {
  const std::vector<std::string> cells{"=1+1", "a,b", "say \"hi\"", "two\r\nlines", "", "plain"};
  CsvRecord record;
  for (const auto& c : cells) record.text(c);
  const auto records = parse_csv(record.line() + record.line(), ',');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"'=1+1", "a,b", "say \"hi\"", "two\r\nlines", "", "plain"}));
  EXPECT_EQ(records[1].line, 3);  // the quoted line break counts
}

TEST(Csv, ReadsWhatSpreadsheetsAndPlatformsWrite) {
  const auto records =
      parse_csv("\xEF\xBB\xBF\"identifier\",\"github_username\"\r\n\r\n\"a@b.org\" ,\"alice\"\r\nx", ',');
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"identifier", "github_username"}));
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"a@b.org", "alice"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"x"}));
  EXPECT_EQ(guess_csv_delimiter("Vorname;Nachname;E-Mail\n"), ';');
  EXPECT_EQ(guess_csv_delimiter("First name\tLast name\t\"a,b\"\n"), '\t');
  EXPECT_EQ(guess_csv_delimiter("alice\n"), ',');
}

TEST(Csv, BrokenQuotingNamesItsLine) {
  try {
    parse_csv("a\nb\n\"c,d\n", ',');
    FAIL() << "an unclosed quote was read";
  } catch (const CsvSyntaxError& e) {
    EXPECT_EQ(e.line, 3);
  }
  EXPECT_THROW(parse_csv("\"a\"b\n", ','), CsvSyntaxError);
}

}  // namespace
}  // namespace mathlings
