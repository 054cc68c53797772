#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "base/files.hpp"
#include "learner/file_watcher.hpp"
#include "learner/learner_state.hpp"
#include "learner/markdown_terminal.hpp"
#include "learner/progress.hpp"
#include "learner/reset.hpp"
#include "model/lesson_document.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;
const fs::path example_course = fs::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";

/// A copy of the example course to change freely.
class CourseCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* part : {"course.yaml", "include", "lessons", "exercises", "solutions", "specs"})
      fs::copy(example_course / part, work.path() / part, fs::copy_options::recursive);
    course = load_course(work.path());
  }
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-loop-test-"};
  std::unique_ptr<Course> course;
};

TEST(ProgressBar, FillsInProportion) {
  EXPECT_EQ(progress_bar(0, 4), "░░░░");
  EXPECT_EQ(progress_bar(0.5, 4), "██░░");
  EXPECT_EQ(progress_bar(1, 4), "████");
  EXPECT_EQ(progress_bar(7, 2), "██");  // never past full
  EXPECT_EQ(progress_bar(std::nan(""), 2), "░░");
}

TEST_F(CourseCopy, ProgressComesFromTheStateAndGoesStaleWhenTheFileChanges) {
  LearnerState state;
  const fs::path file = course->exercises_dir() / "01-vector-norms" / "norms.cpp";
  state.checked["01-vector-norms/norms"] = {exercise_file_hash(file), "passed", 7, 7};
  Progress progress = Progress::of(*course, state);
  ASSERT_EQ(progress.exercises.size(), 2u);
  EXPECT_TRUE(progress.exercises[0].passed());
  EXPECT_EQ(progress.score, 7);
  EXPECT_EQ(progress.max_score, 10);  // the hidden test's point is not the learner's
  EXPECT_EQ(progress.first_unfinished()->exercise->id, "01-vector-norms/normalize");
  std::ofstream(file, std::ios::app) << "// an edit\n";
  progress = Progress::of(*course, state);
  EXPECT_FALSE(progress.exercises[0].passed());
  EXPECT_TRUE(progress.exercises[0].changed);
  EXPECT_EQ(progress.score, 0);
  EXPECT_EQ(progress.first_unfinished()->exercise->id, "01-vector-norms/norms");
}

TEST_F(CourseCopy, ProgressFitsEightyColumns) {
  std::ostringstream out;
  write_progress(out, *course, Progress::of(*course, LearnerState{}), ProgressStyle{false, false, ""});
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t width = 0;
    for (const char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(width, 80u) << line;
  }
  EXPECT_NE(out.str().find("overall"), std::string::npos);
}

TEST(Hints, ComeOneAtATimeAndCountWhatRemains) {
  LearnerState state;
  const std::vector<std::string> hints{"first", "second"};
  ShownHint h = state.next_hint("a/b", hints);
  EXPECT_EQ(h.number, 1);
  EXPECT_EQ(h.text, "first");
  EXPECT_EQ(h.remaining(), 1);
  h = state.next_hint("a/b", hints);
  EXPECT_EQ(h.text, "second");
  EXPECT_EQ(h.remaining(), 0);
  h = state.next_hint("a/b", hints);  // the last one again
  EXPECT_EQ(h.text, "second");
  EXPECT_EQ(state.next_hint("other", hints).number, 1);
}

TEST_F(CourseCopy, ResetKeepsTheLearnersVersionAndRestoresTheStub) {
  const Exercise& exercise = course->find("01-vector-norms/norms");
  const fs::path file = course->exercises_dir() / exercise.relative_file();
  const std::string stub = read_file(file);
  EXPECT_FALSE(reset_exercise(*course, exercise).changed);  // untouched: nothing to do
  write_file_atomically(file, "// my attempt\n");
  const ResetOutcome outcome = reset_exercise(*course, exercise);
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(read_file(file), stub);
  ASSERT_TRUE(outcome.backup);
  EXPECT_EQ(read_file(*outcome.backup), "// my attempt\n");
  write_file_atomically(file, "// a second attempt\n");
  const ResetOutcome again = reset_exercise(*course, exercise);
  ASSERT_TRUE(again.backup);
  EXPECT_NE(*again.backup, *outcome.backup);  // the first backup is not overwritten
  EXPECT_EQ(read_file(*outcome.backup), "// my attempt\n");
}

TEST_F(CourseCopy, ResetRestoresADeletedFile) {
  const Exercise& exercise = course->find("01-vector-norms/normalize");
  const fs::path file = course->exercises_dir() / exercise.relative_file();
  const std::string stub = read_file(file);
  fs::remove(file);
  const ResetOutcome outcome = reset_exercise(*course, exercise);
  EXPECT_TRUE(outcome.changed);
  EXPECT_FALSE(outcome.backup);
  EXPECT_EQ(read_file(file), stub);
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

TEST(Markdown, TexBecomesReadable) {
  EXPECT_EQ(readable_math(R"(\frac{1}{n} \sum_i x_i^2)"), "1/n Σᵢ xᵢ²");
  EXPECT_EQ(readable_math(R"(\sigma / \sqrt{n})"), "σ / √n");
  EXPECT_EQ(readable_math(R"(\frac{\partial J}{\partial m} = -\frac{2}{n})"), "∂J/∂m = -2/n");
  EXPECT_EQ(readable_math(R"(X^\top X \beta \quad\text{(normal)})"), "Xᵀ X β   (normal)");
  EXPECT_EQ(readable_math(R"(X^T y)"), "Xᵀ y");
  EXPECT_EQ(readable_math(R"(e^{-x})"), "e^(-x)");  // no superscript x: spelt out
}

TEST(FileWatcher, NoticesASaveByRenameThroughEventsAndByPolling) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-watch-test-");
  const fs::path file = dir.path() / "exercise.cpp";
  write_file_atomically(file, "one\n");
  for (const bool events : {true, false}) {
    FileWatcher watcher(events);
    watcher.watch(file);
    EXPECT_FALSE(watcher.take_events());
    EXPECT_FALSE(watcher.looks_changed());
    write_file_atomically(dir.path() / "other.cpp", "not watched\n");
    if (events) {
      EXPECT_FALSE(watcher.take_events());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    write_file_atomically(file, events ? "two, longer\n" : "three, longer still\n");  // a new size
    if (events) {
      EXPECT_FALSE(watcher.polling_only());
      EXPECT_TRUE(watcher.take_events());
    } else {
      EXPECT_TRUE(watcher.polling_only());
      EXPECT_TRUE(watcher.looks_changed());
      EXPECT_FALSE(watcher.looks_changed());  // once per change
    }
  }
}

}  // namespace
}  // namespace mathlings
