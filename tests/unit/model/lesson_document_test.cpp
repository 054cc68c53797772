// What a lesson's Markdown points to: headings as GitHub anchors them, and the
// sections feedback sends a learner to. (Exercises pointing to their sections
// through the "## Exercises" list is tested with the learner's loop.)
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

}  // namespace
}  // namespace mathlings
