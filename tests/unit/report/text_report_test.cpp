// The text report a person reads in a terminal or a CI log: one line per
// exercise, what went wrong under it, where to read, and the score.
#include <gtest/gtest.h>

#include <sstream>

#include "base/text.hpp"
#include "model/course.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

const std::filesystem::path example_course =
    std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";

class TextReport : public ::testing::Test {
 protected:
  void SetUp() override {
    ExerciseResult norms{"01-vector-norms/norms", ExerciseStatus::partial, 2, 5, "1 of 3 tests passed", {}};
    norms.tests = {
        {"l1 norm", TestStatus::passed, 2, 2, ""},
        {"max norm", TestStatus::failed, 0, 2, "max_norm([3, -4])\n  expected: 4\n  actual:   3"},
        {"a hidden case", TestStatus::crash, 0, 1, "crashed: SIGSEGV", true},
    };
    ExerciseResult normalize{"01-vector-norms/normalize",
                             ExerciseStatus::compile_error,
                             0,
                             3,
                             "normalize.cpp:3:5: error: '" + std::string(100, 'x') +
                                 "' was not declared in this scope\n    3 |     " + std::string(100, 'x') + ";",
                             {}};
    result.exercises = {norms, normalize};
  }
  std::string text(const TextStyle& style = {}) const {
    std::ostringstream out;
    write_text(out, *course, result, style);
    return out.str();
  }
  std::unique_ptr<Course> course = load_course(example_course);
  SubmissionResult result;
};

TEST_F(TextReport, OneLinePerExerciseUnderItsLesson) {
  const std::string report = text();
  EXPECT_EQ(report.rfind("01-vector-norms — " + course->lessons[0].title + "\n", 0), 0u) << report;
  EXPECT_NE(report.find("\n  ◐ norms" + std::string(19, ' ') + std::string(7, ' ') + "2/5  partly right\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("\n  ✗ normalize" + std::string(15, ' ') + std::string(7, ' ') + "0/3  compile error\n"),
            std::string::npos)
      << report;
  EXPECT_EQ(report.substr(report.rfind("\n\n")), "\n\nScore: 2/8 — 0 of 2 exercises passed\n") << report;
}

TEST_F(TextReport, WhatWentWrongIsShownAndWhatPassedOnlyWhenAskedFor) {
  const std::string report = text();
  EXPECT_NE(report.find("      ✗ max norm (0/2, failed)\n          max_norm([3, -4])\n          "
                        "  expected: 4\n            actual:   3\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("      ✗ a hidden case [hidden] (0/1, crash)\n          crashed: SIGSEGV\n"), std::string::npos)
      << report;
  EXPECT_EQ(report.find("l1 norm"), std::string::npos) << report;
  TextStyle verbose;
  verbose.verbose_passes = true;
  EXPECT_NE(text(verbose).find("      ✓ l1 norm (2/2, passed)\n"), std::string::npos);
}

TEST_F(TextReport, APartlyRightExerciseSaysWhereToRead) {
  const std::string report = text();
  const auto read = report.find("      Read: lessons/01-vector-norms/README.md");
  ASSERT_NE(read, std::string::npos) << report;
  EXPECT_LT(read, report.find("normalize")) << "the pointer belongs to norms";
  EXPECT_NE(report.find("(or: mathlings lesson", read), std::string::npos) << report;
}

TEST_F(TextReport, TheCompilersMessageKeepsItsLayoutAndOtherLinesFit) {
  const std::string report = text();
  // The compiler's lines are not broken, whatever their length: carets must line up.
  EXPECT_NE(report.find("      normalize.cpp:3:5: error: '" + std::string(100, 'x') +
                        "' was not declared in this scope\n"
                        "          3 |     " +
                        std::string(100, 'x') + ";\n"),
            std::string::npos)
      << report;
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("xxxxxxxx") == std::string::npos) {
      EXPECT_LE(display_columns(line), 80u) << line;
    }
  }
}

TEST_F(TextReport, NotesComeFirstAndANotGradedExerciseMakesTheScoreProvisional) {
  result.notes = {"Nothing is in its lesson's folder."};
  result.exercises[1] = {
      "01-vector-norms/normalize", ExerciseStatus::not_graded, 0, 3, "could not grade: the machine was too busy", {}};
  const std::string report = text();
  EXPECT_EQ(report.rfind("Note: Nothing is in its lesson's folder.\n\n01-vector-norms", 0), 0u) << report;
  EXPECT_NE(report.find("  ? normalize"), std::string::npos) << report;
  EXPECT_NE(report.find("could not grade\n      could not grade: the machine was too busy\n"), std::string::npos)
      << report;
  EXPECT_NE(report.find("\n1 exercise could not be graded, the machine being too busy:"), std::string::npos) << report;
}

TEST_F(TextReport, ColourOnlyWhenAskedFor) {
  EXPECT_EQ(text().find('\033'), std::string::npos);
  TextStyle coloured;
  coloured.colour = true;
  const std::string report = text(coloured);
  EXPECT_NE(report.find("\033[33m◐\033[0m"), std::string::npos) << report;
  EXPECT_NE(report.find("\033[1mScore: 2/8\033[0m"), std::string::npos) << report;
}

}  // namespace
}  // namespace mathlings
