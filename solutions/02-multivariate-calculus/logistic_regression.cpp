// 02-multivariate-calculus/logistic_regression — see lessons/02-multivariate-calculus/README.md,
// section "Logistic regression, fitted the same way".
#include <cmath>
#include <mathlings/calculus.hpp>

namespace mathlings {

// BEGIN SOLUTION ONLY
namespace {
// Never exp() of a large positive number: both branches stay in (0, 1].
double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}
}  // namespace

// END SOLUTION
Eigen::VectorXd fit_logistic_regression(const Eigen::MatrixXd& X, const std::vector<int>& y, double learning_rate,
                                        int iterations) {
  // BEGIN SOLUTION
  // > // TODO: std::invalid_argument unless there is one label per row of X
  // > // and every label is 0 or 1. β = 0 (one entry more than X has columns).
  // > // Each iteration: pᵢ = σ(β₀ + xᵢ·β), gradient = (1/n) Σ (pᵢ − yᵢ)·(1, xᵢ),
  // > // β −= rate · gradient.
  // > (void)X, (void)y, (void)learning_rate, (void)iterations;
  // > throw not_implemented();
  if (static_cast<Eigen::Index>(y.size()) != X.rows()) throw std::invalid_argument("one label per row of X");
  if (X.rows() == 0) throw std::invalid_argument("no data");
  for (int label : y)
    if (label != 0 && label != 1) throw std::invalid_argument("labels are 0 or 1");
  const Eigen::Index n = X.rows(), p = X.cols();
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(p + 1);
  for (int k = 0; k < iterations; ++k) {
    Eigen::VectorXd gradient = Eigen::VectorXd::Zero(p + 1);
    for (Eigen::Index i = 0; i < n; ++i) {
      const double error = sigmoid(beta(0) + X.row(i).dot(beta.tail(p))) - y[static_cast<std::size_t>(i)];
      gradient(0) += error;
      gradient.tail(p) += error * X.row(i).transpose();
    }
    beta -= learning_rate * gradient / static_cast<double>(n);
  }
  return beta;
  // END SOLUTION
}

}  // namespace mathlings
