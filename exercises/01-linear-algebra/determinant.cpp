// 01-linear-algebra/determinant — see lessons/01-linear-algebra/README.md,
// section "Determinant and inverse through elimination".
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

double determinant(const Eigen::MatrixXd& A) {
  // TODO: eliminate to upper-triangular form, flipping the sign at every row
  // swap; the determinant is then the signed product of the pivots.
  (void)A;
  throw not_implemented();
}

}  // namespace mathlings
