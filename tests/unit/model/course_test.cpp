#include "model/course.hpp"

#include <gtest/gtest.h>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

TEST(Course, TheShippedCourseLoadsInOrder) {
  const auto course = load_course(config::default_course_dir);
  const auto exercises = course->exercises();
  ASSERT_GE(exercises.size(), 5u);
  EXPECT_EQ(exercises[0]->id, "01-linear-algebra/elimination");
  EXPECT_EQ(exercises[4]->id, "01-linear-algebra/least_squares");
  EXPECT_EQ(exercises[0]->lesson->header, "mathlings/linear_algebra.hpp");
  EXPECT_EQ(&course->find("01-linear-algebra/inverse"), exercises[3]);
}

std::string find_error(const Course& course, const std::string& id) {
  try {
    course.find(id);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "found";
}

TEST(Course, AMistypedIdSuggestsTheNearestNotEveryId) {
  const auto course = load_course(config::default_course_dir);
  EXPECT_EQ(find_error(*course, "01-linear-algebra/elimnation"),
            "no exercise '01-linear-algebra/elimnation' in this course; did you mean 01-linear-algebra/elimination?");
  EXPECT_EQ(find_error(*course, "linear-algebra/elimination"),
            "no exercise 'linear-algebra/elimination' in this course; did you mean 01-linear-algebra/elimination?");
  EXPECT_EQ(find_error(*course, "02-calculus/mse_cost"),  // the right name in a misremembered lesson
            "no exercise '02-calculus/mse_cost' in this course; did you mean 02-multivariate-calculus/mse_cost?");
  EXPECT_EQ(find_error(*course, "04-statistics/t-test"),  // as near to both: both
            "no exercise '04-statistics/t-test' in this course; did you mean 04-statistics/z_test or "
            "04-statistics/t_tests?");
}

TEST(Course, AnIdNearNothingNamesItsLessonsExercisesOrTheListCommand) {
  const auto course = load_course(config::default_course_dir);
  EXPECT_EQ(find_error(*course, "01-linear-algebra/gauss"),
            "no exercise '01-linear-algebra/gauss' in this course; 01-linear-algebra has elimination, row_echelon, "
            "determinant, inverse and least_squares");
  EXPECT_EQ(find_error(*course, "fourier"),
            "no exercise 'fourier' in this course; `mathlings list` shows every exercise");
}

TEST(Course, AnExercisesBareNameFindsIt) {
  const auto course = load_course(config::default_course_dir);
  EXPECT_EQ(course->find("elimination").id, "01-linear-algebra/elimination");
  EXPECT_EQ(course->find("t_tests").id, "04-statistics/t_tests");
  EXPECT_EQ(find_error(*course, "eliminaton"),
            "no exercise 'eliminaton' in this course; did you mean "
            "01-linear-algebra/elimination?");
}

TEST(Course, AMissingCourseIsACourseError) {
  EXPECT_THROW(load_course("/nonexistent/course"), CourseError);
}

// Feedback on a wrong answer points to the lesson's sections on the
// exercise; the course works it out once, so writers only format it.
TEST(Course, AnExerciseKnowsWhereItsLessonTeachesIt) {
  const auto course = load_course(config::default_course_dir);
  const std::string& taught_at = course->find("01-linear-algebra/elimination").taught_at;
  EXPECT_EQ(taught_at.rfind("lessons/01-linear-algebra/README.md, ", 0), 0u) << taught_at;
  EXPECT_NE(taught_at.find("§ "), std::string::npos) << taught_at;
  EXPECT_NE(taught_at.find("(or: mathlings lesson 01-linear-algebra/elimination)"), std::string::npos) << taught_at;
}

using CourseFile = testing::CourseCopy;

TEST_F(CourseFile, APrebuildHeaderIsReadAndAMissingOneIsNamedWithItsLine) {
  EXPECT_EQ(load_course(config::default_course_dir)->find("04-statistics/z_test").lesson->prebuild_header,
            "specs/04-statistics/prebuilt.hpp");
  EXPECT_EQ(course->lessons[0].prebuild_header, "");

  std::string manifest = read_file(work.path() / "course.yaml");
  const std::string header_line = "    header: mathlings/vector_norms.hpp\n";
  ASSERT_NE(manifest.find(header_line), std::string::npos) << manifest;
  manifest.replace(manifest.find(header_line), header_line.size(),
                   header_line + "    prebuild: specs/01-vector-norms/missing.hpp\n");
  write_file_atomically(work.path() / "course.yaml", manifest);
  try {
    reload();
    FAIL() << "a missing prebuild header was accepted";
  } catch (const CourseError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("prebuild"), std::string::npos) << message;
    EXPECT_NE(message.find("no file specs/01-vector-norms/missing.hpp"), std::string::npos) << message;
    EXPECT_NE(message.find("course.yaml:"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace mathlings
