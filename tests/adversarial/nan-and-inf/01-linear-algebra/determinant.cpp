// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// Answers NaN or ±infinity, hoping a careless comparison lets them pass.
#include <limits>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  switch (A.rows() % 3) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return std::numeric_limits<double>::infinity();
    default: return -std::numeric_limits<double>::infinity();
  }
}
}  // namespace mathlings
