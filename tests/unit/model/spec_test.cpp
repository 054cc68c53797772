#include "model/spec.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

class SpecTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto file = dir_.path() / "exercise.yaml";
    std::ofstream(file) << text;
    return file;
  }
  /// The CourseError's message for loading `text`.
  std::string error_of(const std::string& text) {
    try {
      load_spec(write(text));
    } catch (const CourseError& e) {
      return e.what();
    }
    return "(loaded without error)";
  }
  TemporaryDirectory dir_{std::filesystem::temp_directory_path()};
};

const std::string header = "functions: [f, g]\nhints: [\"look closer\"]\n";

TEST_F(SpecTest, LoadsTestsWithDefaultsAndOverrides) {
  const auto spec = load_spec(write(header + R"(tolerance: {abs: 0.5}
tests:
  - name: first
    points: 2
    function: f
    cases:
      - [[[1, 2], [3, 4]], 1.5]
  - name: second
    points: 1.5
    function: g
    tolerance: {rel: 0.25}
    expect: domain_error
    generate: {kind: square_matrix, sizes: [2, 3], seed: 9}
)"));
  ASSERT_EQ(spec.tests.size(), 2u);
  EXPECT_DOUBLE_EQ(spec.max_score(), 3.5);
  EXPECT_EQ(spec.tests[0].cases.at(0).size(), 2u);
  EXPECT_DOUBLE_EQ(spec.tests[0].tolerance.abs, 0.5);
  EXPECT_DOUBLE_EQ(spec.tests[1].tolerance.abs, 0.5);
  EXPECT_DOUBLE_EQ(spec.tests[1].tolerance.rel, 0.25);
  EXPECT_EQ(spec.tests[1].expect, "domain_error");
  EXPECT_EQ(spec.tests[1].generate->shapes.size(), 2u);
  EXPECT_EQ(spec.tests[1].line, 10);  // two header lines, tolerance, tests:, five lines of the first test
}

TEST_F(SpecTest, ErrorsNameFileLineAndField) {
  const std::string message =
      error_of(header + "tests:\n  - name: t\n    function: f\n    points: -1\n    cases: [[1]]\n");
  EXPECT_NE(message.find("exercise.yaml:6: tests[0].points: must be positive"), std::string::npos) << message;
}

TEST_F(SpecTest, RejectsWhatWouldOtherwiseBeSilentlyIgnored) {
  EXPECT_NE(error_of(header + "tests:\n  - name: t\n    function: f\n    pionts: 1\n    cases: [[1]]\n")
                .find("tests[0].pionts: unknown key"),
            std::string::npos);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: f, points: 1, cases: [[1]]}\n  - {name: t, function: g, "
                              "points: 1, cases: [[1]]}\n")
                .find("duplicate test name 't'"),
            std::string::npos);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: h, points: 1, cases: [[1]]}\n")
                .find("'h' is not in this spec's functions"),
            std::string::npos);
  EXPECT_NE(
      error_of(header + "tests:\n  - {name: t, function: f, points: 1, generate: {kind: magic, sizes: [2], seed: 1}}\n")
          .find("unknown generator 'magic'"),
      std::string::npos);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: f, points: 1, cases: [[1]], check: roughly}\n")
                .find("unknown check 'roughly'"),
            std::string::npos);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: f, points: 1}\n").find("a test needs cases or generate"),
            std::string::npos);
  EXPECT_NE(error_of("functions: [f]\ntests: []\n").find("hints: missing"), std::string::npos);
  EXPECT_NE(error_of(header + "tests: [\n").find("not valid YAML"), std::string::npos);
}

TEST_F(SpecTest, AStatisticalCheckTakesAStatedNumberOfStandardErrors) {
  const auto spec = load_spec(write(header + "tests:\n  - {name: t, function: f, points: 1, cases: [[1, 2, 3, 4]], "
                                             "check: permutation_p_value, standard_errors: 5}\n"));
  EXPECT_EQ(spec.tests.at(0).standard_errors, 5);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: f, points: 1, cases: [[1]], standard_errors: 5}\n")
                .find("only a statistical check (z_test_p_values, permutation_p_value) takes it; this test's is equal"),
            std::string::npos);
  EXPECT_NE(error_of(header + "tests:\n  - {name: t, function: f, points: 1, cases: [[1]], check: z_test_p_values, "
                              "standard_errors: 2}\n")
                .find("from 3 to 10"),
            std::string::npos);
}

TEST_F(SpecTest, CertifiedRealValuesNeedSixSignificantDigits) {
  const auto with_certified = [](const std::string& value, int digits) {
    return header + "tests:\n  - name: t\n    function: f\n    points: 1\n    cases:\n      - args: [1]\n" +
           "        certified: " + value + "\n        digits: " + std::to_string(digits) +
           "\n        source: \"a table\"\n";
  };
  EXPECT_NE(error_of(with_certified("{p_value: 0.07939}", 4))
                .find("exercise.yaml:10: tests[0].cases[0].digits: "
                      "certify a real value to at least 6"),
            std::string::npos)
      << error_of(with_certified("{p_value: 0.07939}", 4));
  EXPECT_EQ(error_of(with_certified("[2, 3]", 1)), "(loaded without error)");  // exact integers, e.g. ranks
  const auto spec = load_spec(write(with_certified("0.0793941401873", 12)));
  ASSERT_EQ(spec.tests.at(0).certified.size(), 1u);
  EXPECT_EQ(spec.tests[0].certified[0].digits, 12);
  EXPECT_EQ(spec.tests[0].certified[0].line, 8);  // the case's own line
}

}  // namespace
}  // namespace mathlings
