// `mathlings book`: the pages it writes, the ids its links need, and what
// it escapes. Scripts and fonts are stand-ins: nothing here runs a browser
// (book.browser and book.in-page-links do, on the real courses).
#include "learner/book.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "base/errors.hpp"
#include "learner/progress.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

/// Stand-ins for the files Debian's libjs-* packages install.
BookAssets fake_assets(const fs::path& dir) {
  for (const char* file : {"katex/katex.min.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2",
                           "highlight/highlight.min.js", "highlight/styles/default.css", "chart/chart.min.js"})
    write_file_atomically(dir / file, std::string("/* stand-in for ") + file + " */\n");
  return BookAssets{dir / "katex", dir / "highlight", dir / "chart"};
}

/// A course function that no figure of these tests may need.
std::vector<Value> no_call(const std::string& function, const std::vector<List>&) {
  ADD_FAILURE() << "the book called " << function;
  return {};
}

const char* const lesson_text = R"(# Norms

Inline $x_i^2$ and a formula.

## Ties & <b>tricks</b>

<script>alert(1)</script>

## Repeated

## Repeated

```figure
title: A line </b>
series:
  - label: two points
    points: [[0, 0], [1, 1]]
```

## Exercises

- **norms** — see [Ties](#ties--btricksb) and [Repeated](#repeated).
- **normalize** — see [nothing](#nowhere).
)";

class Book : public testing::CourseCopy {
 protected:
  void SetUp() override {
    CourseCopy::SetUp();
    write_file_atomically(work.path() / "lessons" / "01-vector-norms" / "README.md", lesson_text);
    assets = fake_assets(work.path() / "debian");
  }
  std::string build(const LearnerState& state = {}) {
    const fs::path index = build_book(*course, state, site, no_call, {}, assets);
    EXPECT_EQ(index, site / "index.html");
    return read_file(site / "01-vector-norms.html");
  }
  BookAssets assets;
  fs::path site = work.path() / "site";
};

TEST_F(Book, WritesAnIndexAndAPagePerLessonWithItsAssets) {
  build();
  const std::string index = read_file(site / "index.html");
  EXPECT_NE(index.find("<a href=\"01-vector-norms.html\">"), std::string::npos) << index;
  EXPECT_NE(index.find("0 of 2 exercises passed"), std::string::npos) << index;
  for (const char* asset :
       {"katex/katex.min.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2",
        "highlight/highlight.min.js", "highlight/default.css", "chart.min.js", "book.js", "book.css"})
    EXPECT_TRUE(fs::is_regular_file(site / "assets" / asset)) << asset;
}

TEST_F(Book, ABuildReplacesTheAssetsOfTheLastOne) {
  build();
  write_file_atomically(site / "assets" / "stale.js", "old\n");
  build();
  EXPECT_FALSE(fs::exists(site / "assets" / "stale.js"));
  EXPECT_TRUE(fs::exists(site / "assets" / "book.js"));
}

TEST_F(Book, EscapesHostileTitlesAndLessonText) {
  write_file_atomically(work.path() / "course.yaml",
                        std::regex_replace(read_file(work.path() / "course.yaml"), std::regex("title: Vector norms — "),
                                           "title: \"<img src=x onerror=alert('course')> & co\"\n# was: ",
                                           std::regex_constants::format_first_only));
  reload();
  ASSERT_EQ(course->title, "<img src=x onerror=alert('course')> & co");
  course->lessons[0].title = "</title><script>alert('lesson')</script>";
  const std::string page = build();
  const std::string index = read_file(site / "index.html");
  for (const std::string& html : {page, index}) {
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("&lt;img src=x onerror=alert(&apos;course&apos;)&gt; &amp; co"), std::string::npos);
  }
  EXPECT_NE(page.find("<title>&lt;/title&gt;&lt;script&gt;alert(&apos;lesson&apos;)&lt;/script&gt; — "),
            std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);  // the lesson's text, as text
}

TEST_F(Book, EveryInPageLinkLeadsToAnIdOfThePage) {
  const std::string page = build();
  std::set<std::string> ids;
  static const std::regex id(R"re(id="([^"]+)")re"), link(R"re(href="#([^"]+)")re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "two elements have the id " << (*it)[1];
  int links = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator(); ++it, ++links) {
    if ((*it)[1] == "nowhere") continue;  // the lesson's own dead link, as written (the table leaves it out)
    EXPECT_TRUE(ids.count((*it)[1])) << "no id for the link to #" << (*it)[1];
  }
  EXPECT_GE(links, 2);
  EXPECT_NE(page.find("<h2 id=\"repeated\">Repeated</h2>"), std::string::npos) << page;
  EXPECT_NE(page.find("<h2 id=\"repeated-1\">Repeated</h2>"), std::string::npos) << page;
}

TEST_F(Book, TheExerciseTableLinksEachExerciseToItsSections) {
  const std::string page = build();
  const auto row = page.find("<tr id=\"exercise-norms\">");
  ASSERT_NE(row, std::string::npos) << page;
  const std::string norms = page.substr(row, page.find("</tr>", row) - row);
  EXPECT_NE(norms.find("<a href=\"#ties--btricksb\">Ties &amp; &lt;b&gt;tricks&lt;/b&gt;</a>, "
                       "<a href=\"#repeated\">Repeated</a>"),
            std::string::npos)
      << norms;
  const auto other = page.find("<tr id=\"exercise-normalize\">");
  ASSERT_NE(other, std::string::npos);
  EXPECT_EQ(page.substr(other, page.find("</tr>", other) - other).find("<a "), std::string::npos);  // a dead link: none
}

TEST_F(Book, ShowsTheStatusesOfTheLastCheck) {
  LearnerState state;
  state.checked["01-vector-norms/norms"] = {
      exercise_file_hash(course->exercises_dir() / "01-vector-norms" / "norms.cpp"), "passed", 7, 7};
  state.checked["01-vector-norms/normalize"] = {"a hash of another file", "partial", 1, 3};
  const std::string page = build(state);
  EXPECT_NE(page.find("<td class=\"status-passed\">passed</td><td>7 / 7</td>"), std::string::npos) << page;
  EXPECT_NE(page.find("<td class=\"status-partial\">changed since the last check</td><td>0 / 3</td>"),
            std::string::npos)
      << page;
  EXPECT_NE(read_file(site / "index.html").find("7 / 10 points, 1 of 2 exercises passed"), std::string::npos);
}

TEST_F(Book, DrawsAFigureOfLiteralPointsWithoutCallingTheCourse) {
  const std::string page = build();
  const auto figure =
      page.find("<figure class=\"chart\" id=\"figure-1\"><canvas></canvas><script type=\"application/json\">");
  ASSERT_NE(figure, std::string::npos) << page;
  const std::string rest = page.substr(figure);
  EXPECT_NE(rest.find("\"label\": \"two points\""), std::string::npos) << rest;
  EXPECT_NE(rest.find("<figcaption>A line &lt;/b&gt;</figcaption>"), std::string::npos) << rest;
  EXPECT_EQ(page.find("```figure"), std::string::npos);
  EXPECT_EQ(page.find("series:"), std::string::npos);
}

TEST_F(Book, MissingAssetsNameThePackagesToInstall) {
  fs::remove(assets.chart / "chart.min.js");
  try {
    build_book(*course, LearnerState{}, site, no_call, {}, assets);
    FAIL() << "built without Chart.js";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("chart.min.js"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("libjs-chart.js"), std::string::npos) << e.what();
  }
}

TEST(WithHeadingIds, AnchorsHeadingsAsTheLessonsLinkThemAndNumbersRepeats) {
  EXPECT_EQ(with_heading_ids("<h2>Pivoting, and <em>why</em></h2><p>x</p><h3>Pivoting, and why</h3>"),
            "<h2 id=\"pivoting-and-why\">Pivoting, and <em>why</em></h2><p>x</p>"
            "<h3 id=\"pivoting-and-why-1\">Pivoting, and why</h3>");
  EXPECT_EQ(with_heading_ids("<p>no heading</p>"), "<p>no heading</p>");
}

TEST(MarkdownToHtml, KeepsMathForTheTypesetterAndNoRawHtml) {
  const std::string html = markdown_to_html("Let $x_i$ be.\n\n<div onclick=\"evil()\">raw</div>\n");
  EXPECT_NE(html.find("<x-equation>x_i</x-equation>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<div"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;div"), std::string::npos) << html;
}

}  // namespace
}  // namespace mathlings
