// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: timeout
// Stops itself with SIGSTOP: a stopped process must still be ended.
#include <csignal>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  std::raise(SIGSTOP);
  return 0;
}
}  // namespace mathlings
