// Lesson 04 — statistics. Declares every function the lesson's exercises ask
// for; each exercise file defines some of them inside namespace mathlings.
// The standard library, <Eigen/Core>, <Eigen/Dense> and Boost.Math
// distributions (<boost/math/distributions/...>) may be used.
#pragma once

#include <Eigen/Core>
#include <cstddef>
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

/// describe: sample variance (n − 1). Throws std::invalid_argument if n < 2.
struct Summary {
  double mean;
  double median;
  double variance;
  double stddev;
  double min;
  double max;
};
Summary describe(const std::vector<double>& xs);

/// z_test: the p-value of a z-test of the mean against mu0, sigma known.
enum class Tail { two_sided, less, greater };
double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail);

/// t_tests: the statistic is for a − b (or xs − mu0).
struct TestResult {
  double statistic;
  double df;
  double p_value;
};
TestResult one_sample_t_test(const std::vector<double>& xs, double mu0, Tail tail);
TestResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail);
TestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail);

/// regression_inference: ordinary least squares with an intercept added as β₀
/// (X holds no intercept column); two-sided p-values.
struct Regression {
  Eigen::VectorXd beta;
  Eigen::VectorXd std_error;
  Eigen::VectorXd t_stat;
  Eigen::VectorXd p_value;
  double residual_sd;
  double r_squared;
};
Regression linear_regression(const Eigen::MatrixXd& X, const Eigen::VectorXd& y);

}  // namespace mathlings
