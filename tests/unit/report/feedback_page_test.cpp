// A student's feedback as a web page: the Markdown rendered, and nothing in
// it — a student's name, what their program printed — able to run or load.
#include "report/feedback_page.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(FeedbackPage, IsAWholePageOfTheRenderedMarkdown) {
  const std::string page =
      feedback_page("Vector norms", "alice", "# Feedback for alice\n\n- **norms**: 2/5\n\n```\nexpected: 4\n```\n");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(page.find("<title>Feedback for alice — Vector norms</title>"), std::string::npos) << page;
  EXPECT_NE(page.find("<h1>Feedback for alice</h1>"), std::string::npos) << page;
  EXPECT_NE(page.find("<li><strong>norms</strong>: 2/5</li>"), std::string::npos) << page;
  EXPECT_NE(page.find("<pre><code>expected: 4\n</code></pre>"), std::string::npos) << page;
  const std::string end = "</main>\n</body>\n</html>\n";
  EXPECT_EQ(page.substr(page.size() - end.size()), end);
}

TEST(FeedbackPage, NothingInTheFeedbackBecomesMarkup) {
  const std::string page = feedback_page("Course <b>", "mallory<script>alert(1)</script>",
                                         "Printed: <script>alert(1)</script> <img src=x onerror=alert(2)>\n");
  EXPECT_EQ(page.find("<script"), std::string::npos) << page;
  EXPECT_EQ(page.find("<img"), std::string::npos) << page;
  EXPECT_NE(page.find("mallory&lt;script&gt;"), std::string::npos) << page;
  EXPECT_NE(page.find("Course &lt;b&gt;"), std::string::npos) << page;
  EXPECT_NE(page.find("Printed: &lt;script&gt;"), std::string::npos) << page;
}

TEST(FeedbackPage, ThePolicyForbidsScriptsAndLoading) {
  const std::string page = feedback_page("c", "s", "[a link](https://example.org)\n");
  EXPECT_NE(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""), std::string::npos) << page;
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
