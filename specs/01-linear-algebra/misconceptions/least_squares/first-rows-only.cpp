// 01-linear-algebra/least_squares, wrong on purpose: solves the first p equations and ignores the rest.
// A misconception variant (see specs/01-linear-algebra/least_squares.yaml): never a solution.
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::VectorXd least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  if (X.rows() != y.size()) throw std::invalid_argument("y must have one entry per row of X");
  if (X.rows() < X.cols()) throw std::invalid_argument("X needs at least as many rows as columns");
  const Eigen::Index p = X.cols(), n = p;
  // Householder QR rather than the normal equations XᵀXβ = Xᵀy: forming XᵀX
  // squares the condition number and loses twice the digits.
  Eigen::MatrixXd R = X.topRows(p);
  Eigen::VectorXd qty = y.head(p);
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
}

}  // namespace mathlings
