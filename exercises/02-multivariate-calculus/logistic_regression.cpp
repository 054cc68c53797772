// 02-multivariate-calculus/logistic_regression — see lessons/02-multivariate-calculus/README.md,
// section "Logistic regression, fitted the same way".
#include <cmath>
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::VectorXd fit_logistic_regression(const Eigen::MatrixXd& X, const std::vector<int>& y, double learning_rate,
                                        int iterations) {
  // TODO: std::invalid_argument unless there is one label per row of X
  // and every label is 0 or 1. β = 0 (one entry more than X has columns).
  // Each iteration: pᵢ = σ(β₀ + xᵢ·β), gradient = (1/n) Σ (pᵢ − yᵢ)·(1, xᵢ),
  // β −= rate · gradient.
  (void)X, (void)y, (void)learning_rate, (void)iterations;
  throw not_implemented();
}

}  // namespace mathlings
