// 04-statistics/regression_inference, wrong on purpose: p-values as 2·(1 − cdf), which
// keeps only a few digits of a p-value near 1e-12.
// A misconception variant (see specs/04-statistics/regression_inference.yaml): never a solution.
#include <Eigen/Dense>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

Regression linear_regression(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  if (X.rows() != y.size()) throw std::invalid_argument("one y per row of X");
  const Eigen::Index n = X.rows(), k = X.cols() + 1;
  if (n <= k) throw std::invalid_argument("more observations than coefficients are needed");
  Eigen::MatrixXd Z(n, k);
  Z << Eigen::VectorXd::Ones(n), X;
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(Z);
  Regression fit;
  fit.beta = qr.solve(y);
  const Eigen::VectorXd residuals = y - Z * fit.beta;
  const double df = static_cast<double>(n - k);
  const double rss = residuals.squaredNorm();
  const double sigma2 = rss / df;
  // (ZᵀZ)⁻¹ = R⁻¹R⁻ᵀ: invert the small triangular R, never form ZᵀZ.
  const Eigen::MatrixXd R = qr.matrixQR().topRows(k).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd R_inverse = R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  fit.std_error = (sigma2 * R_inverse.rowwise().squaredNorm()).array().sqrt();
  fit.t_stat = fit.beta.array() / fit.std_error.array();
  const boost::math::students_t dist(df);
  fit.p_value.resize(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    fit.p_value(j) = 2.0 * (1.0 - boost::math::cdf(dist, std::abs(fit.t_stat(j))));
  }
  fit.residual_sd = std::sqrt(sigma2);
  fit.r_squared = 1.0 - rss / (y.array() - y.mean()).square().sum();
  return fit;
}

}  // namespace mathlings
