// 01-linear-algebra/inverse — see lessons/01-linear-algebra/README.md,
// section "Determinant and inverse through elimination".
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::MatrixXd inverse(const Eigen::MatrixXd& A) {
  // TODO: put the identity beside A, [A | I], and reduce with pivoting until
  // the left half is I; the right half is then the inverse.
  (void)A;
  throw not_implemented();
}

}  // namespace mathlings
