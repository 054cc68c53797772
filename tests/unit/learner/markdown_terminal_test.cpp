// A lesson in the terminal: `mathlings lesson` and the r key of `watch`.
#include "learner/markdown_terminal.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(Markdown, RendersForATerminal) {
  const std::string page = render_markdown(
      "# Title\n\nSome **bold** and *emphasis* with `code` and a [link](#anchor) to read on and on and on.\n\n"
      "    J(m, c) = (1/n) Σ r²\n\n```cpp example\nint x = 1;\n```\n\n```output\n1\n```\n\n- an item\n",
      MarkdownStyle{false, 40});
  EXPECT_EQ(page,
            "Title\n=====\n\n"
            "Some bold and emphasis with `code` and a\nlink to read on and on and on.\n\n"
            "    J(m, c) = (1/n) Σ r²\n\n"
            "    int x = 1;\n\n"
            "    ⇒ prints:\n    1\n\n"
            "  • an item\n");
}

TEST(Markdown, LongCodeIsFoldedNotRewrapped) {
  const std::string page =
      render_markdown("```cpp\nauto p = mathlings::z_test_p_value(103, 100, 15, 36, Tail::two_sided);\n```\n",
                      MarkdownStyle{false, 40});
  EXPECT_EQ(page,
            "    auto p = mathlings::z_test_p_value(\n"
            "    ↪ 103, 100, 15, 36, \n"
            "    ↪ Tail::two_sided);\n");
}

TEST(Markdown, SecondLevelHeadingsAreUnderlinedWithDashesDeeperOnesNot) {
  EXPECT_EQ(render_markdown("## Pivoting\n\n### Detail\n", MarkdownStyle{false, 80}), "Pivoting\n--------\n\nDetail\n");
}

TEST(Markdown, ALinkOutOfThePageKeepsItsAddress) {
  EXPECT_EQ(render_markdown("See [the docs](https://example.org/x).\n", MarkdownStyle{false, 80}),
            "See the docs (https://example.org/x).\n");
}

TEST(Markdown, NumberedItemsKeepTheirNumberAndContinuationsAlign) {
  EXPECT_EQ(render_markdown("1. first item that is long enough to wrap\n", MarkdownStyle{false, 20}),
            "  1. first item that\n"
            "     is long enough\n"
            "     to wrap\n");
}

TEST(Markdown, AFigureIsNamedAndLeftToTheBook) {
  const std::string page =
      render_markdown("```figure\ntitle: Three learning rates\nseries: []\n```\nafter\n", MarkdownStyle{false, 80});
  EXPECT_NE(page.find("[figure: Three learning rates — drawn in the book"), std::string::npos) << page;
  EXPECT_EQ(page.find("series"), std::string::npos) << page;
  EXPECT_NE(page.find("after"), std::string::npos) << page;
}

TEST(Markdown, AFormulaParagraphStandsOnItsOwnLineReadable) {
  EXPECT_EQ(render_markdown("$$\\frac{1}{n} \\sum_i x_i$$\n", MarkdownStyle{false, 80}), "    1/n Σᵢ xᵢ\n");
  EXPECT_EQ(render_markdown("where $\\sigma$ is known\n", MarkdownStyle{false, 80}), "where σ is known\n");
}

TEST(Markdown, ColourPaintsAndPlainDoesNot) {
  const std::string coloured = render_markdown("# T\n\n**b** `c`\n", MarkdownStyle{true, 80});
  EXPECT_NE(coloured.find("\033[1mT\033[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\033[1mb\033[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\033[36mc\033[0m"), std::string::npos) << coloured;  // code without its backticks
  EXPECT_EQ(render_markdown("# T\n\n**b** `c`\n", MarkdownStyle{false, 80}).find('\033'), std::string::npos);
}

TEST(Markdown, TexBecomesReadable) {
  EXPECT_EQ(readable_math(R"(\frac{1}{n} \sum_i x_i^2)"), "1/n Σᵢ xᵢ²");
  EXPECT_EQ(readable_math(R"(\sigma / \sqrt{n})"), "σ / √n");
  EXPECT_EQ(readable_math(R"(\frac{\partial J}{\partial m} = -\frac{2}{n})"), "∂J/∂m = -2/n");
  EXPECT_EQ(readable_math(R"(X^\top X \beta \quad\text{(normal)})"), "Xᵀ X β   (normal)");
  EXPECT_EQ(readable_math(R"(X^T y)"), "Xᵀ y");
  EXPECT_EQ(readable_math(R"(e^{-x})"), "e^(-x)");  // no superscript x: spelt out
}

TEST(Markdown, TexLongestCommandWinsAndCompoundFractionsAreBracketed) {
  EXPECT_EQ(readable_math(R"(\leftarrow)"), "←");  // not \left followed by "arrow"
  EXPECT_EQ(readable_math(R"(\frac{a + b}{2})"), "(a + b)/2");
  EXPECT_EQ(readable_math(R"(\bar{x})"), "x\u0304");
}

}  // namespace
}  // namespace mathlings
