// A lesson's Markdown read for its headings and the sections its exercise
// list points to (model/lesson_document).
#include <gtest/gtest.h>

#include "model/lesson_document.hpp"

namespace mathlings {
namespace {

TEST(LessonDocument, ExercisesPointToTheirSections) {
  const std::string text =
      "# Lesson\n\n## Elimination by hand\n\ntext\n\n## Pivoting, and why it matters\n\n```cpp\n## not a heading\n```\n"
      "## Exercises\n\n1. **elimination** — see [Elimination](#elimination-by-hand)\n"
      "   and [Pivoting](#pivoting-and-why-it-matters).\n2. **rank** — see [nothing](#missing).\n";
  EXPECT_EQ(exercise_sections(text, "elimination"),
            (std::vector<std::string>{"Elimination by hand", "Pivoting, and why it matters"}));
  EXPECT_TRUE(exercise_sections(text, "rank").empty());
  EXPECT_TRUE(exercise_sections(text, "absent").empty());
  EXPECT_EQ(lesson_headings(text).count("not-a-heading"), 0u);
}

TEST(LessonDocument, AnItemsLinksStopAtTheNextItem) {
  const std::string text =
      "## One\n\n## Two\n\n## Exercises\n\n- **first** — see [One](#one).\n- **second** — see [Two](#two).\n";
  EXPECT_EQ(exercise_sections(text, "first"), std::vector<std::string>{"One"});
  EXPECT_EQ(exercise_sections(text, "second"), std::vector<std::string>{"Two"});
}

TEST(LessonDocument, WithoutAnExercisesListNothingIsPointedTo) {
  EXPECT_TRUE(exercise_sections("## One\n\n**first** — see [One](#one).\n", "first").empty());
}

TEST(HeadingAnchor, IsLowerCaseWithDashesAndKeepsLettersBeyondAscii) {
  EXPECT_EQ(heading_anchor("Pivoting, and why it matters"), "pivoting-and-why-it-matters");
  EXPECT_EQ(heading_anchor("The L2 norm: ‖x‖₂"), "the-l2-norm-‖x‖₂");
  EXPECT_EQ(heading_anchor("snake_case and kebab-case"), "snake_case-and-kebab-case");
}

TEST(LessonHeadings, NeedASpaceAfterTheHashesAndAtMostSix) {
  const auto headings = lesson_headings("#hashtag\n####### seven\n### Three\n");
  EXPECT_EQ(headings.size(), 1u);
  EXPECT_EQ(headings.at("three"), "Three");
}

TEST(SectionList, NamesEachSectionWithASectionSign) {
  EXPECT_EQ(section_list({}), "");
  EXPECT_EQ(section_list({"Pivoting"}), "§ Pivoting");
  EXPECT_EQ(section_list({"Pivoting", "Elimination by hand"}), "§ Pivoting; § Elimination by hand");
}

}  // namespace
}  // namespace mathlings
