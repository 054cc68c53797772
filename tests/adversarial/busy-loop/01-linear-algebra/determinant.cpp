// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: timeout
// An endless loop the optimiser may not remove.
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  for (volatile unsigned long i = 0;; i = i + 1) {
  }
}
}  // namespace mathlings
