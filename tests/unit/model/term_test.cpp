// term.yaml: moments with their offsets, assignments checked against the
// course, and every mistake named with its file, line and field.
#include "model/term.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

TEST(Moment, IsReadWithItsOffsetAndWrittenBackAsItWas) {
  const auto berlin = parse_moment("2026-10-05T23:59+02:00");
  ASSERT_TRUE(berlin);
  EXPECT_EQ(berlin->offset_minutes, 120);
  EXPECT_EQ(berlin->epoch_seconds, parse_moment("2026-10-05T21:59:00Z")->epoch_seconds);
  EXPECT_EQ(format_moment(*berlin), "2026-10-05T23:59:00+02:00");
  EXPECT_EQ(format_moment(*parse_moment("2026-01-01T00:00-03:30")), "2026-01-01T00:00:00-03:30");
  EXPECT_EQ(format_moment(*parse_moment("2024-02-29T12:00:30Z")), "2024-02-29T12:00:30Z");
  for (const char* wrong : {"2026-10-05T23:59", "2026-10-05 23:59Z", "2026-02-29T10:00Z", "2026-04-31T10:00Z",
                            "2026-13-01T10:00Z", "2026-10-05T24:00Z", "2026-10-05T23:59+15:00", "tomorrow", ""}) {
    EXPECT_FALSE(parse_moment(wrong)) << wrong;
  }
}

class TermFile : public testing::CourseCopy {
 protected:
  std::string error_of(const std::string& yaml) {
    write_file_atomically(work.path() / "term.yaml", yaml);
    try {
      load_term(*course);
    } catch (const CourseError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(TermFile, WithoutOneTheCourseHasNoTerm) {
  EXPECT_FALSE(load_term(*course));
}

TEST_F(TermFile, ReadsEachAssignmentWithItsPolicyAndExtensions) {
  write_file_atomically(work.path() / "term.yaml",
                        "assignments:\n"
                        "  - id: norms\n"
                        "    title: Norms\n"
                        "    exercises: [01-vector-norms/norms]\n"
                        "    due: 2026-10-05T23:59+02:00\n"
                        "    grace_minutes: 15\n"
                        "    penalty_per_day: 0.1\n"
                        "    penalty_cap: 0.5\n"
                        "    extensions:\n"
                        "      alice: 2026-10-08T23:59+02:00\n"
                        "  - id: normalize\n"
                        "    exercises: [01-vector-norms/normalize]\n"
                        "    due: 2026-10-12T23:59Z\n");
  const auto term = load_term(*course);
  ASSERT_TRUE(term);
  ASSERT_EQ(term->assignments.size(), 2u);
  const Assignment& norms = *term->find("norms");
  EXPECT_EQ(norms.title, "Norms");
  EXPECT_EQ(norms.exercises, std::vector<std::string>{"01-vector-norms/norms"});
  EXPECT_EQ(norms.grace_minutes, 15);
  EXPECT_EQ(norms.penalty_per_day, 0.1);
  EXPECT_EQ(norms.penalty_cap, 0.5);
  EXPECT_EQ(format_moment(norms.extensions.at("alice")), "2026-10-08T23:59:00+02:00");
  const Assignment& normalize = *term->find("normalize");
  EXPECT_EQ(normalize.title, "normalize");  // the id, without a title
  EXPECT_EQ(normalize.penalty_per_day, 0);  // no penalty unless one is set
  EXPECT_EQ(term->find("nothing"), nullptr);
}

TEST_F(TermFile, AnAssignmentsCourseHoldsOnlyItsExercisesInTheirLessons) {
  const auto part = course_part(*course, {"01-vector-norms/normalize"});
  ASSERT_EQ(part->exercises().size(), 1u);
  const Exercise& e = *part->exercises().front();
  EXPECT_EQ(e.id, "01-vector-norms/normalize");
  EXPECT_EQ(e.lesson, &part->lessons.front());  // its own lesson, not the whole course's
  EXPECT_EQ(e.lesson->header, course->lessons.front().header);
  EXPECT_EQ(part->root, course->root);
  EXPECT_EQ(course->exercises().size(), 2u);  // the course itself untouched
}

TEST_F(TermFile, EachMistakeIsNamedWithItsLineAndField) {
  const std::string head = "assignments:\n  - id: a1\n";
  const auto expect = [&](const std::string& yaml, const std::string& said) {
    const std::string error = error_of(yaml);
    EXPECT_NE(error.find("term.yaml:"), std::string::npos) << error;
    EXPECT_NE(error.find(said), std::string::npos) << "expected '" << said << "' in: " << error;
  };
  expect(head + "    exercises: [01-vector-norms/nrms]\n    due: 2026-10-05T23:59Z\n",
         "no exercise '01-vector-norms/nrms' in course.yaml");
  expect(head + "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59\n",
         "is not a moment with its offset");
  expect(head + "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n    penalty_per_day: 10\n",
         "a fraction of the points, from 0 to 1");
  expect(head + "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n    deadline: x\n", "deadline");
  expect(head + "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n" + "  - id: a1\n" +
             "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n",
         "'a1' names an earlier assignment too");
  expect("assignments:\n  - id: 'a 1'\n    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n",
         "a word of letters, digits, - and _");
  expect(head + "    exercises: []\n    due: 2026-10-05T23:59Z\n", "at least one exercise");
  expect(head +
             "    exercises: [01-vector-norms/norms]\n    due: 2026-10-05T23:59Z\n    extensions:\n"
             "      alice: 2026-10-01T23:59Z\n",
         "an extension must end after the due time");
}

}  // namespace
}  // namespace mathlings
