// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// Returns matrices of every wrong shape, NaN-filled or empty.
#include <limits>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
Eigen::MatrixXd inverse(const Eigen::MatrixXd& A) {
  switch (A.rows() % 3) {
    case 0: return Eigen::MatrixXd(0, 0);
    case 1: return Eigen::MatrixXd::Constant(A.rows() + 1, A.cols(), std::numeric_limits<double>::quiet_NaN());
    default: return Eigen::MatrixXd::Identity(A.cols(), A.rows() + 2);
  }
}
}  // namespace mathlings
