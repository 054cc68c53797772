// What a lesson's Markdown points to: headings as GitHub anchors them, and the
// sections feedback sends a learner to through the "## Exercises" list.
#include "model/lesson_document.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(LessonDocument, AnchorsAreAsGitHubMakesThem) {
  EXPECT_EQ(heading_anchor("Pivoting, and why it matters"), "pivoting-and-why-it-matters");
  EXPECT_EQ(heading_anchor("Bayes' theorem (the shy friend)"), "bayes-theorem-the-shy-friend");
  EXPECT_EQ(heading_anchor("Why n - 1: the sample_variance"), "why-n---1-the-sample_variance");
  EXPECT_EQ(heading_anchor("Die Größe"), "die-größe");  // letters beyond ASCII kept
}

TEST(LessonDocument, HeadingsOfEveryLevelOutsideCodeFences) {
  const std::string text =
      "# Lesson 1\n\nSome text with a # in it.\n\n### A deep one\n\n####### seven hashes: text\n"
      "#no-space\n\n```sh\n# a shell comment\n```\n\n## Exercises\n";
  const auto headings = lesson_headings(text);
  EXPECT_EQ(headings, (std::map<std::string, std::string>{
                          {"lesson-1", "Lesson 1"}, {"a-deep-one", "A deep one"}, {"exercises", "Exercises"}}));
}

TEST(LessonDocument, AnExerciseOutsideTheExercisesListPointsNowhere) {
  const std::string text =
      "# L\n\n## Norms\n\n**norms** is explained in [Norms](#norms).\n\n## Exercises\n\n- **normalize** — "
      "[Norms](#norms)\n";
  EXPECT_TRUE(exercise_sections(text, "norms").empty());
  EXPECT_EQ(exercise_sections(text, "normalize"), std::vector<std::string>{"Norms"});
  EXPECT_TRUE(exercise_sections("# No list\n\n**norms** [Norms](#norms)\n", "norms").empty());
}

TEST(LessonDocument, SectionListReadsAsAPointer) {
  EXPECT_EQ(section_list({}), "");
  EXPECT_EQ(section_list({"Pivoting"}), "§ Pivoting");
  EXPECT_EQ(section_list({"Pivoting", "Elimination by hand"}), "§ Pivoting; § Elimination by hand");
}

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
