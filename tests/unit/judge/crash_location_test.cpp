// Where a crash happened, read from addr2line's answer in the learner's terms.
#include "judge/crash_location.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(CrashLocation, ACrashIsPlacedAtTheLearnersInnermostLine) {
  const std::string output =
      "(anonymous namespace)::report_crash(int, siginfo_t*, void*)\n"
      "/work/main/grader/harness/src/runner_main.cpp:80\n"
      "Eigen::DenseCoeffsBase<Eigen::Matrix<double, -1, -1, 0, -1, -1>, 1>::operator()(long, long)\n"
      "/usr/include/eigen3/Eigen/src/Core/DenseCoeffsBase.h:364\n"
      "mathlings::determinant(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&)\n"
      "/tmp/01-linear-algebra/determinant.cpp:17 (discriminator 3)\n"
      "main\n"
      "/work/main/grader/harness/src/runner_main.cpp:140\n";
  EXPECT_EQ(learner_frame(output, "01-linear-algebra/determinant.cpp"),
            "01-linear-algebra/determinant.cpp:17, in mathlings::determinant(Eigen::MatrixXd const&)");
  EXPECT_EQ(learner_frame(output, "01-linear-algebra/inverse.cpp"), std::nullopt);
  EXPECT_EQ(learner_frame("??\n??:0\n", "a.cpp"), std::nullopt);
  // A file that merely ends like the learner's is not it.
  EXPECT_EQ(learner_frame("f\n/x/my01-linear-algebra/determinant.cpp:3\n", "01-linear-algebra/determinant.cpp"),
            std::nullopt);
}

}  // namespace
}  // namespace mathlings
