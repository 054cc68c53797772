// Progress from the state file and the files as they are: what `list` and
// the top of `watch` show, without compiling anything.
#include "learner/progress.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;
using ProgressOfACourse = testing::CourseCopy;

TEST(ProgressBar, FillsInProportion) {
  EXPECT_EQ(progress_bar(0, 4), "░░░░");
  EXPECT_EQ(progress_bar(0.5, 4), "██░░");
  EXPECT_EQ(progress_bar(1, 4), "████");
  EXPECT_EQ(progress_bar(7, 2), "██");  // never past full
  EXPECT_EQ(progress_bar(-1, 2), "░░");
  EXPECT_EQ(progress_bar(std::nan(""), 2), "░░");
}

TEST(StatusInWords, ReadsAsPeopleSayIt) {
  ExerciseProgress e;
  e.status = "not_attempted";
  EXPECT_EQ(status_in_words(e), "not attempted");
  e.status = "partial";
  EXPECT_EQ(status_in_words(e), "partly right");
  e.status = "passed";
  e.changed = true;
  EXPECT_EQ(status_in_words(e), "passed, changed since");
  EXPECT_FALSE(e.passed());  // a changed file's pass no longer counts
}

TEST_F(ProgressOfACourse, ComesFromTheStateAndGoesStaleWhenTheFileChanges) {
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

TEST_F(ProgressOfACourse, SaysMissingForADeletedFileAndNotCheckedForAnUncheckedOne) {
  fs::remove(course->exercises_dir() / "01-vector-norms" / "normalize.cpp");
  const Progress progress = Progress::of(*course, LearnerState{});
  EXPECT_EQ(progress.exercises[0].status, "not checked yet");
  EXPECT_EQ(progress.exercises[1].status, "missing");
  EXPECT_EQ(progress.passed, 0);
}

TEST_F(ProgressOfACourse, HasNoUnfinishedExerciseWhenAllPass) {
  LearnerState state;
  for (const auto* e : course->exercises())
    state.checked[e->id] = {exercise_file_hash(course->exercises_dir() / e->relative_file()), "passed", 1, 1};
  const Progress progress = Progress::of(*course, state);
  EXPECT_EQ(progress.passed, 2);
  EXPECT_EQ(progress.first_unfinished(), nullptr);
}

TEST(ExerciseFileHash, IsMissingForNoFileAndChangesWithTheContent) {
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-progress-test-");
  const fs::path file = dir.path() / "x.cpp";
  EXPECT_EQ(exercise_file_hash(file), "missing");
  write_file_atomically(file, "a\n");
  const std::string first = exercise_file_hash(file);
  EXPECT_EQ(exercise_file_hash(file), first);
  write_file_atomically(file, "b\n");
  EXPECT_NE(exercise_file_hash(file), first);
}

TEST_F(ProgressOfACourse, FitsEightyColumns) {
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

TEST_F(ProgressOfACourse, MarksTheCurrentExerciseAndCompactShowsOnlyLessons) {
  const Progress progress = Progress::of(*course, LearnerState{});
  std::ostringstream full, compact;
  write_progress(full, *course, progress, ProgressStyle{false, false, "01-vector-norms/normalize"});
  write_progress(compact, *course, progress, ProgressStyle{false, true, "01-vector-norms/normalize"});
  EXPECT_NE(full.str().find("▶ · normalize"), std::string::npos) << full.str();
  EXPECT_EQ(full.str().find("▶ · norms"), std::string::npos) << full.str();
  EXPECT_EQ(compact.str().find("normalize"), std::string::npos) << compact.str();
  EXPECT_NE(compact.str().find("01-vector-norms"), std::string::npos) << compact.str();
  EXPECT_EQ(full.str().find('\033'), std::string::npos);  // no colour asked for
}

}  // namespace
}  // namespace mathlings
