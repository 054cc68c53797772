// Exercise 01-linear-algebra/least_squares — lesson: lessons/01-linear-algebra/README.md,
// section "Overdetermined systems and least squares".
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
