// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error timeout
// Tries to freeze the grader with SIGSTOP to its parent (and its process
// group); the grader must go on.
#include <cmath>
#include <csignal>
#include <mathlings/linear_algebra.hpp>

extern "C" int getppid();
extern "C" int kill(int pid, int signal);

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  kill(getppid(), SIGSTOP);
  kill(0, SIGSTOP);
  return std::nan("");
}
}  // namespace mathlings
