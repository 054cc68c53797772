// `mathlings reset`: the stub back, the learner's version kept.
#include "learner/reset.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;
using Reset = testing::CourseCopy;

TEST_F(Reset, KeepsTheLearnersVersionAndRestoresTheStub) {
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

TEST_F(Reset, RestoresADeletedFile) {
  const Exercise& exercise = course->find("01-vector-norms/normalize");
  const fs::path file = course->exercises_dir() / exercise.relative_file();
  const std::string stub = read_file(file);
  fs::remove(file);
  const ResetOutcome outcome = reset_exercise(*course, exercise);
  EXPECT_TRUE(outcome.changed);
  EXPECT_FALSE(outcome.backup);
  EXPECT_EQ(read_file(file), stub);
}

TEST_F(Reset, PrefersTheStubKeptInAStudentPackAndFailsWithNeither) {
  const Exercise& exercise = course->find("01-vector-norms/norms");
  const std::string generated = pristine_stub(*course, exercise);
  EXPECT_EQ(generated, read_file(course->exercises_dir() / exercise.relative_file()));  // the course is in sync
  write_file_atomically(work.path() / "stubs" / exercise.relative_file(), "// as handed out\n");
  EXPECT_EQ(pristine_stub(*course, exercise), "// as handed out\n");
  fs::remove_all(work.path() / "stubs");
  fs::remove(course->solutions_dir() / exercise.relative_file());
  EXPECT_THROW(pristine_stub(*course, exercise), CourseError);
}

TEST_F(Reset, AdviceIsGivenOnlyForAMissingFile) {
  const Exercise& exercise = course->find("01-vector-norms/normalize");
  EXPECT_EQ(missing_file_advice(*course, exercise), "");
  fs::remove(course->exercises_dir() / exercise.relative_file());
  const std::string advice = missing_file_advice(*course, exercise);
  EXPECT_NE(advice.find("exercises/01-vector-norms/normalize.cpp is missing"), std::string::npos) << advice;
  EXPECT_NE(advice.find("mathlings reset 01-vector-norms/normalize"), std::string::npos) << advice;
}

}  // namespace
}  // namespace mathlings
