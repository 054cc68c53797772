// The class report links every student to their feedback page, whatever
// their name, and shows names as text.
#include "classroom/class_report.hpp"

#include <gtest/gtest.h>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

TEST(ClassReport, LinksSurviveNamesWithHashAndPercentAndShowNoMarkup) {
  const auto course = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course");
  std::vector<StudentRow> rows;
  for (const char* name : {"C#dev", "100%", "a b?c", "<b>bold</b>"}) {
    StudentRow row;
    row.student = name;
    row.status = "missing";
    rows.push_back(row);
  }
  rows[0].name = "<i>Ada</i> & co";
  TemporaryDirectory dir{fs::temp_directory_path()};
  write_class_report(dir.path(), *course, rows, SimilarityReport{});
  const std::string html = read_file(dir.path() / "report.html");
  EXPECT_NE(html.find("href=\"feedback/C%23dev.html\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"feedback/100%25.html\""), std::string::npos);
  EXPECT_NE(html.find("href=\"feedback/a%20b%3Fc.html\""), std::string::npos);
  EXPECT_NE(html.find("href=\"feedback/%3Cb%3Ebold%3C%2Fb%3E.html\""), std::string::npos);
  EXPECT_NE(html.find("href=\"feedback/C%23dev.md\""), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;Ada&lt;/i&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
