#include "course.hpp"

#include <gtest/gtest.h>

#include "config.hpp"
#include "errors.hpp"

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

TEST(Course, AnUnknownIdListsTheValidOnes) {
  const auto course = load_course(config::default_course_dir);
  try {
    course->find("01-linear-algebra/gauss");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("01-linear-algebra/elimination"), std::string::npos);
  }
}

TEST(Course, AMissingCourseIsACourseError) {
  EXPECT_THROW(load_course("/nonexistent/course"), CourseError);
}

}  // namespace
}  // namespace mathlings
