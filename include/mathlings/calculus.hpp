// Lesson 02 — multivariate calculus. Declares every function the lesson's
// exercises ask for; each exercise file defines some of them inside namespace
// mathlings. Only the standard library and <Eigen/Core> may be used.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <stdexcept>
#include <vector>

#ifndef MATHLINGS_NOT_IMPLEMENTED_DEFINED
#define MATHLINGS_NOT_IMPLEMENTED_DEFINED
namespace mathlings {
/// What an untouched stub throws. Replace the `throw` with your code.
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings
#endif

namespace mathlings {

/// mse_cost: J(m, c) = (1/n) Σ (yᵢ − (m·xᵢ + c))². Throws std::invalid_argument
/// if the sizes differ or n = 0.
double mse_cost(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys);

/// mse_gradient: (∂J/∂m, ∂J/∂c). Throws std::invalid_argument, as mse_cost
/// does, if the sizes differ or n = 0.
Eigen::Vector2d mse_gradient(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys);

/// numerical_gradient: the gradient of f at x by central differences with step h.
Eigen::VectorXd numerical_gradient(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& x,
                                   double h = 1e-5);
/// numerical_jacobian: one row per output of F, one column per input, by
/// central differences with step h.
Eigen::MatrixXd numerical_jacobian(const std::function<Eigen::VectorXd(const Eigen::VectorXd&)>& F,
                                   const Eigen::VectorXd& x, double h = 1e-5);

/// gradient_descent: the fitted line and J at the start and after each update
/// (iterations + 1 entries).
struct LineFit {
  double m;
  double c;
  std::vector<double> cost_history;
};
LineFit gradient_descent_line(const std::vector<double>& xs, const std::vector<double>& ys, double learning_rate,
                              int iterations, double m0 = 0.0, double c0 = 0.0);

/// logistic_regression: batch gradient descent on the mean log-loss from zero;
/// returns (β₀, β₁, …, β_p), β₀ the intercept (X holds no intercept column).
/// Labels are 0 or 1: throws std::invalid_argument if a label is neither, or
/// if y's size differs from X's number of rows (or X has none).
Eigen::VectorXd fit_logistic_regression(const Eigen::MatrixXd& X, const std::vector<int>& y, double learning_rate,
                                        int iterations);

}  // namespace mathlings
