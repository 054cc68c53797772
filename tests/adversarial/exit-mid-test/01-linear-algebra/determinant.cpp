// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: crash
// Ends the program in the middle of a test, hoping for a clean exit status.
#include <cstdlib>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  std::exit(0);
}
}  // namespace mathlings
