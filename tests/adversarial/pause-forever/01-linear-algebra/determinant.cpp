// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: timeout
// Waits for a signal that never comes (pause(), spelt with <csignal>): no
// CPU used, only the wall clock can stop it.
#include <csignal>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  sigset_t none;
  sigemptyset(&none);
  for (;;) sigsuspend(&none);
}
}  // namespace mathlings
