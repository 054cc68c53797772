// 01-linear-algebra/least_squares — see lessons/01-linear-algebra/README.md,
// section "Overdetermined systems and least squares".
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::VectorXd least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  // BEGIN SOLUTION
  // > // TODO: check the sizes, then find the β that makes the residual y − Xβ
  // > // orthogonal to every column of X (Householder reflections keep it accurate).
  // > (void)X;
  // > (void)y;
  // > throw not_implemented();
  if (X.rows() != y.size()) throw std::invalid_argument("y must have one entry per row of X");
  if (X.rows() < X.cols()) throw std::invalid_argument("X needs at least as many rows as columns");
  const Eigen::Index n = X.rows(), p = X.cols();
  // Householder QR rather than the normal equations XᵀXβ = Xᵀy: forming XᵀX
  // squares the condition number and loses twice the digits.
  Eigen::MatrixXd R = X;
  Eigen::VectorXd qty = y;
  for (Eigen::Index k = 0; k < p; ++k) {
    Eigen::VectorXd v = R.col(k).tail(n - k);
    const double norm = v.norm();
    if (norm == 0.0) continue;
    const double alpha = v(0) > 0 ? -norm : norm;  // the sign that avoids cancellation
    v(0) -= alpha;
    v.normalize();
    R.bottomRightCorner(n - k, p - k) -= 2.0 * v * (v.transpose() * R.bottomRightCorner(n - k, p - k));
    qty.tail(n - k) -= 2.0 * v * v.dot(qty.tail(n - k));
  }
  const double tiny = 1e-12 * (X.size() > 0 ? X.cwiseAbs().maxCoeff() : 0.0);
  Eigen::VectorXd beta(p);
  for (Eigen::Index i = p - 1; i >= 0; --i) {
    if (std::abs(R(i, i)) <= tiny) throw std::domain_error("X does not have full column rank");
    beta(i) = (qty(i) - R.row(i).segment(i + 1, p - i - 1).dot(beta.tail(p - i - 1))) / R(i, i);
  }
  return beta;
  // END SOLUTION
}

}  // namespace mathlings
