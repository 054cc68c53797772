// The grader end to end, in-process, on the example course.
#include "grading.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "config.hpp"
#include "files.hpp"

namespace mathlings {
namespace {

const std::filesystem::path fixtures = MATHLINGS_TEST_FIXTURES;

class GradingTest : public ::testing::Test {
 protected:
  std::unique_ptr<Course> course = load_course(fixtures.parent_path() / "example-course");
  Toolchain toolchain{std::filesystem::path(config::default_cache_dir)};
};

TEST_F(GradingTest, ALearnersCheckNeitherRunsNorRevealsHiddenTests) {
  Grader check(*course, toolchain, 1, false);
  const auto result = check.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  ASSERT_EQ(result.exercises.size(), 1u);
  for (const auto& t : result.exercises[0].tests) EXPECT_NE(t.name, "a vector of huge entries");
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 3);
}

TEST_F(GradingTest, GradingRunsHiddenTestsButNeverShowsTheirInputs) {
  Grader grade(*course, toolchain, 1, true);
  const auto result = grade.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  const auto& tests = result.exercises.at(0).tests;
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_TRUE(tests[2].hidden);
  EXPECT_EQ(tests[2].status, TestStatus::failed);
  EXPECT_EQ(tests[2].message.find("e+200"), std::string::npos) << tests[2].message;
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 4);
}

TEST_F(GradingTest, AHugeFileIsRefusedWithoutBeingRead) {
  const TemporaryDirectory submission(std::filesystem::temp_directory_path());
  std::filesystem::create_directories(submission.path() / "01-vector-norms");
  {
    std::ofstream huge(submission.path() / "01-vector-norms/norms.cpp");
    const std::string line(1023, '/');
    for (int k = 0; k < 3000; ++k) huge << line << "\n";  // about 3 MiB of comment
  }
  Grader grade(*course, toolchain, 1, true);
  const auto result = grade.grade(submission.path(), {"01-vector-norms/norms"});
  EXPECT_EQ(result.exercises.at(0).status, ExerciseStatus::compile_error);
  EXPECT_NE(result.exercises[0].message.find("is larger than 1 MiB"), std::string::npos) << result.exercises[0].message;
}

}  // namespace
}  // namespace mathlings
