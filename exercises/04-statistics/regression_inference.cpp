// 04-statistics/regression_inference — see lessons/04-statistics/README.md,
// section "Reading a regression".
#include <Eigen/Dense>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

Regression linear_regression(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  // TODO: std::invalid_argument if y does not have one value per row of X,
  // or if n ≤ k. Put a column of ones before X; β by least squares (a QR
  // factorisation, not the normal equations); residual variance
  // σ² = ‖y − Zβ‖²/(n − k); standard errors √(σ²·diag((ZᵀZ)⁻¹)) — from R,
  // since ZᵀZ = RᵀR; t = β/se; two-sided p-values 2·cdf(complement(dist,
  // |t|)) from Student's t with n − k degrees of freedom (1 − cdf loses the
  // digits of p ≈ 1e-12); R² = 1 − RSS/TSS.
  (void)X, (void)y;
  throw not_implemented();
}

}  // namespace mathlings
