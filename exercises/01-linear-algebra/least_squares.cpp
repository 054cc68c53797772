// 01-linear-algebra/least_squares — see lessons/01-linear-algebra/README.md,
// section "Overdetermined systems and least squares".
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::VectorXd least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  // TODO: check the sizes, then find the β that makes the residual y − Xβ
  // orthogonal to every column of X (Householder reflections keep it accurate).
  (void)X;
  (void)y;
  throw not_implemented();
}

}  // namespace mathlings
