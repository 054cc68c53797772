// The grader end to end, in-process, on the example course, with the real
// compiler and sandbox (tests/unit/judge/grading_test.cpp checks the judge
// with a fake instead).
#include "judge/grading.hpp"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <regex>

#include "base/config.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

const std::filesystem::path fixtures = MATHLINGS_TEST_FIXTURES;

class GradingWithCompiler : public ::testing::Test {
 protected:
  std::unique_ptr<Course> course = load_course(fixtures.parent_path() / "example-course");
  Toolchain toolchain{std::filesystem::path(config::default_cache_dir)};
};

TEST_F(GradingWithCompiler, ALearnersCheckNeitherRunsNorRevealsHiddenTests) {
  Grader check(*course, toolchain, 1, false);
  const auto result = check.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  ASSERT_EQ(result.exercises.size(), 1u);
  for (const auto& t : result.exercises[0].tests) EXPECT_NE(t.name, "a vector of huge entries");
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 3);
}

TEST_F(GradingWithCompiler, GradingRunsHiddenTestsButNeverShowsTheirInputs) {
  Grader grade(*course, toolchain, 1, true);
  const auto result = grade.grade(fixtures / "submissions" / "example-naive-norms", {"01-vector-norms/normalize"});
  const auto& tests = result.exercises.at(0).tests;
  ASSERT_EQ(tests.size(), 3u);
  EXPECT_TRUE(tests[2].hidden);
  EXPECT_EQ(tests[2].status, TestStatus::failed);
  EXPECT_EQ(tests[2].message.find("e+200"), std::string::npos) << tests[2].message;
  EXPECT_DOUBLE_EQ(result.exercises[0].max_score, 4);
}

TEST_F(GradingWithCompiler, AHugeFileIsRefusedWithoutBeingRead) {
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

/// What grading `source` as 01-vector-norms/normalize.cpp says.
TestResult grade_normalize(const Course& course, Toolchain& toolchain, const std::string& source,
                           const std::string& test_name) {
  const TemporaryDirectory submission(std::filesystem::temp_directory_path());
  std::filesystem::create_directories(submission.path() / "01-vector-norms");
  std::ofstream(submission.path() / "01-vector-norms/normalize.cpp") << source;
  Grader grade(course, toolchain, 1, true);
  const auto result = grade.grade(submission.path(), {"01-vector-norms/normalize"});
  for (const auto& t : result.exercises.at(0).tests)
    if (t.name == test_name) return t;
  ADD_FAILURE() << "no test named " << test_name;
  return {};
}

TEST_F(GradingWithCompiler, WhatAWrongAnswerPrintedIsShownAfterTheVerdict) {
  const auto t = grade_normalize(*course, toolchain, R"(#include <iostream>
#include <mathlings/vector_norms.hpp>
Eigen::VectorXd mathlings::normalize(const Eigen::VectorXd& x) {
  std::cerr << "\x1b[2Kall tests passed\n";
  std::cout << "norm " << x.norm();  // no newline: still in the buffer when the call returns
  return x;
})",
                                 "a unit vector along (3, 4)");
  EXPECT_EQ(t.status, TestStatus::failed);
  // After the verdict, the escape neutralised; "norm 5" reached the output only
  // because the runner flushed std::cout after the call.
  const std::string printed = "\n  your code printed (during this call):\n    | ?[2Kall tests passed\n    | norm 5";
  ASSERT_GE(t.message.size(), printed.size());
  EXPECT_EQ(t.message.substr(t.message.size() - printed.size()), printed) << t.message;
  EXPECT_EQ(t.message.find("normalize([3, 4])\n  expected: [0.6, 0.8]\n"), 0u) << t.message;
}

TEST_F(GradingWithCompiler, AHiddenTestShowsNothingOfWhatItsCallsPrinted) {
  const auto t = grade_normalize(*course, toolchain, R"(#include <iostream>
#include <mathlings/vector_norms.hpp>
Eigen::VectorXd mathlings::normalize(const Eigen::VectorXd& x) {
  std::cout << "x(0) = " << x(0) << std::endl;
  return x;
})",
                                 "a vector of huge entries");
  EXPECT_TRUE(t.hidden);
  EXPECT_EQ(t.message.find("printed"), std::string::npos) << t.message;
  EXPECT_EQ(t.message.find("x(0)"), std::string::npos) << t.message;
}

TEST_F(GradingWithCompiler, EndlessRecursionIsNamedAStackOverflowAndAnIndexOutOfRangeIsNot) {
  const auto recursion = grade_normalize(*course, toolchain, R"(#include <mathlings/vector_norms.hpp>
Eigen::VectorXd mathlings::normalize(const Eigen::VectorXd& x) {
  volatile char frame[512] = {};
  Eigen::VectorXd y = normalize(x * 2);  // no base case
  return y * frame[0];
})",
                                         "a unit vector along (3, 4)");
  EXPECT_EQ(recursion.status, TestStatus::crash);
  EXPECT_NE(recursion.message.find("crashed with a stack overflow (SIGSEGV) during normalize([3, 4]) — endless "
                                   "recursion? (a recursive call whose base case is never reached)"),
            std::string::npos)
      << recursion.message;
  const auto index = grade_normalize(*course, toolchain, R"(#include <mathlings/vector_norms.hpp>
Eigen::VectorXd mathlings::normalize(const Eigen::VectorXd& x) {
  volatile double* far = const_cast<double*>(x.data()) + (std::size_t{1} << 40);
  *far = 1;
  return x;
})",
                                     "a unit vector along (3, 4)");
  EXPECT_EQ(index.status, TestStatus::crash);
  EXPECT_NE(index.message.find("segmentation fault (SIGSEGV) during normalize([3, 4]) — an index past the end"),
            std::string::npos)
      << index.message;
}

TEST_F(GradingWithCompiler, AFailedAssertionNamesTheLearnersProgramNotTheRunnersFile) {
  const auto t = grade_normalize(*course, toolchain, R"(#include <cassert>
#include <mathlings/vector_norms.hpp>
Eigen::VectorXd mathlings::normalize(const Eigen::VectorXd& x) {
  assert(x.size() > 5);
  return x;
})",
                                 "a unit vector along (3, 4)");
  EXPECT_EQ(t.status, TestStatus::crash);
  EXPECT_NE(t.message.find("    | your program: 01-vector-norms/normalize.cpp:4: "), std::string::npos) << t.message;
  EXPECT_FALSE(std::regex_search(t.message, std::regex("[0-9a-f]{16}"))) << t.message;  // no hash, anywhere
}

/// Grades 01-vector-norms/norms with `make` putting something in its place.
ExerciseResult grade_norms_in_place_of(const Course& course, Toolchain& toolchain,
                                       const std::function<void(const std::filesystem::path&)>& make) {
  const TemporaryDirectory submission(std::filesystem::temp_directory_path());
  std::filesystem::create_directories(submission.path() / "01-vector-norms");
  make(submission.path() / "01-vector-norms/norms.cpp");
  Grader grade(course, toolchain, 1, true);
  return grade.grade(submission.path(), {"01-vector-norms/norms"}).exercises.at(0);
}

TEST_F(GradingWithCompiler, AFolderPipeOrSocketInAnExercisesPlaceIsNamedNotCalledMissing) {
  const auto folder =
      grade_norms_in_place_of(*course, toolchain, [](const auto& p) { std::filesystem::create_directory(p); });
  EXPECT_EQ(folder.status, ExerciseStatus::rejected);
  EXPECT_EQ(folder.message,
            "01-vector-norms/norms.cpp is a folder, not a file: put your code in a plain file of that name instead "
            "(start from the stub)");
  EXPECT_EQ(folder.tests.at(0).message, "not run: the file was rejected");
  // Opening a FIFO with no writer would block for ever: it is only looked at.
  const auto fifo =
      grade_norms_in_place_of(*course, toolchain, [](const auto& p) { ASSERT_EQ(mkfifo(p.c_str(), 0600), 0); });
  EXPECT_EQ(fifo.status, ExerciseStatus::rejected);
  EXPECT_NE(fifo.message.find("norms.cpp is a named pipe (FIFO), not a file: put your code in"), std::string::npos)
      << fifo.message;
  const auto socket = grade_norms_in_place_of(*course, toolchain, [](const auto& p) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    ASSERT_LT(p.string().size(), sizeof address.sun_path);
    std::strcpy(address.sun_path, p.c_str());
    ASSERT_EQ(bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    close(fd);
  });
  EXPECT_NE(socket.message.find("norms.cpp is a socket, not a file"), std::string::npos) << socket.message;
  const auto missing = grade_norms_in_place_of(*course, toolchain, [](const auto&) {});
  EXPECT_EQ(missing.status, ExerciseStatus::not_attempted);
  EXPECT_EQ(missing.message, "01-vector-norms/norms.cpp not found: not attempted");
}

}  // namespace
}  // namespace mathlings
