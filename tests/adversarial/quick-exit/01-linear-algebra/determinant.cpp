// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: crash
// Leaves through quick_exit and _Exit, skipping every destructor.
#include <cstdlib>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (A.rows() % 2 == 0) std::quick_exit(0);
  std::_Exit(0);
}
}  // namespace mathlings
