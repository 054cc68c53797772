// Lesson 04 — statistics. Declares every function the lesson's exercises ask
// for; each exercise file defines some of them inside namespace mathlings.
// The standard library, <Eigen/Core>, <Eigen/Dense> and Boost.Math
// distributions (<boost/math/distributions/...>) may be used.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <mathlings/tail.hpp>
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
/// Upper tails through erfc, P(Z ≥ z) = ½·erfc(z/√2): 1 − Φ(z) rounds a small
/// p-value to 0. Throws std::invalid_argument if sigma ≤ 0 or n = 0. Tail
/// (<mathlings/tail.hpp>) is two_sided, less or greater.
double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail);

/// t_tests: the statistic is for a − b (or xs − mu0). Upper tails from the
/// complement, boost::math::cdf(complement(dist, t)), never 1 − cdf(dist, t),
/// which loses the digits of a small p-value. Throws std::invalid_argument if
/// a sample has fewer than two values, or paired samples differ in size.
struct TestResult {
  double statistic;
  double df;
  double p_value;
};
TestResult one_sample_t_test(const std::vector<double>& xs, double mu0, Tail tail);
TestResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail);
TestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail);

/// regression_inference: ordinary least squares with an intercept added as β₀
/// (X holds no intercept column), k = columns of X + 1 coefficients; two-sided
/// p-values 2·P(T ≥ |t|) with n − k degrees of freedom, each computed as
/// 2·cdf(complement(dist, |t|)): 1 − cdf keeps only a few correct digits of a
/// p-value near 1e-12, and the tests compare 8. Throws std::invalid_argument if
/// y's size differs from X's number of rows, or if n ≤ k (too few rows: no
/// degrees of freedom are left for the residual variance).
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
