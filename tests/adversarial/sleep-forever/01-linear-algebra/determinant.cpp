// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: timeout
// Sleeps: no CPU is used, only the wall clock can stop it.
#include <chrono>
#include <mathlings/linear_algebra.hpp>
#include <thread>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  std::this_thread::sleep_for(std::chrono::hours(1));
  return 0;
}
}  // namespace mathlings
