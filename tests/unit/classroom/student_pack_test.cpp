// The student pack's specs: the hidden tests left out, everything else kept
// as written. (export.student-pack exports a whole pack and checks in it.)
#include "classroom/student_pack.hpp"

#include <gtest/gtest.h>

#include "base/files.hpp"
#include "model/spec.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const std::string header =
    "functions: [f]\n"
    "hints:\n"
    "  - \"Nothing here is hidden: true to its word.\"\n";  // before tests: never a test's flag

TEST(StripHiddenTests, KeepsVisibleTestsAndTheirCases) {
  const std::string spec = header +
                           "tests:\n"
                           "  - name: visible one\n"
                           "    points: 1\n"
                           "    cases:\n"
                           "      - [1]\n"
                           "      - [2]\n"
                           "  - name: secret\n"
                           "    points: 2\n"
                           "    hidden: true\n"
                           "    cases:\n"
                           "      - [3]\n"
                           "  - name: visible two\n"
                           "    points: 1\n"
                           "    cases:\n"
                           "      - [4]\n";
  EXPECT_EQ(strip_hidden_tests(spec), header +
                                          "tests:\n"
                                          "  - name: visible one\n"
                                          "    points: 1\n"
                                          "    cases:\n"
                                          "      - [1]\n"
                                          "      - [2]\n"
                                          "  - name: visible two\n"
                                          "    points: 1\n"
                                          "    cases:\n"
                                          "      - [4]\n");
}

TEST(StripHiddenTests, DropsAHiddenTestFirstOrLast) {
  const std::string spec =
      "tests:\n  - name: a\n    hidden: true\n    cases: [[1]]\n  - name: b\n    cases: [[2]]\n"
      "  - name: c\n    cases: [[3]]\n    hidden: true\n";
  EXPECT_EQ(strip_hidden_tests(spec), "tests:\n  - name: b\n    cases: [[2]]\n");
}

TEST(StripHiddenTests, LeavesASpecWithoutHiddenTestsAsItIs) {
  const std::string spec = header + "tests:\n  - name: a\n    points: 1\n    cases:\n      - [1]\n";
  EXPECT_EQ(strip_hidden_tests(spec), spec);
  EXPECT_EQ(strip_hidden_tests(header), header);  // no tests at all
}

TEST(StripHiddenTests, TheExampleSpecStillLoadsWithItsVisibleTestsOnly) {
  const fs::path original = testing::example_course_dir() / "specs" / "01-vector-norms" / "normalize.yaml";
  TemporaryDirectory dir(fs::temp_directory_path(), "mathlings-pack-test-");
  const fs::path stripped = dir.path() / "normalize.yaml";
  write_file_atomically(stripped, strip_hidden_tests(read_file(original)));
  const ExerciseSpec full = load_spec(original), pack = load_spec(stripped);
  ASSERT_EQ(full.tests.size(), 3u);
  ASSERT_EQ(pack.tests.size(), 2u);
  for (std::size_t k = 0; k < pack.tests.size(); ++k) {
    EXPECT_FALSE(pack.tests[k].hidden);
    EXPECT_EQ(pack.tests[k].name, full.tests[k].name);
    EXPECT_EQ(pack.tests[k].cases.size(), full.tests[k].cases.size());
  }
  EXPECT_EQ(pack.hints, full.hints);
  EXPECT_EQ(read_file(stripped).find("huge"), std::string::npos);  // the hidden test's inputs are gone too
}

}  // namespace
}  // namespace mathlings
