// Lesson 03 — probability. Declares every function the lesson's exercises ask
// for; each exercise file defines some of them inside namespace mathlings.
// Only the standard library and <Eigen/Core> may be used (std::erfc is enough).
#pragma once

#include <Eigen/Core>
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

/// bayes: P(A|B) from the prior P(A), P(B|A) and P(B|¬A), with P(B) by total
/// probability. Throws std::invalid_argument if a probability is outside
/// [0, 1] (NaN is: test p >= 0 && p <= 1, which NaN fails) or P(B) = 0.
double bayes_posterior(double prior_a, double p_b_given_a, double p_b_given_not_a);

/// sequential_bayes: the belief P(A | evidence so far) after each observation;
/// false means the event was not observed (use the complements). Throws
/// std::invalid_argument if a probability is outside [0, 1], or an observation
/// has probability 0 under both A and ¬A.
std::vector<double> sequential_bayes(double prior_a, const std::vector<bool>& observations, double p_obs_given_a,
                                     double p_obs_given_not_a);

/// distributions: std::invalid_argument for k ∉ {0, 1}, p ∉ [0, 1], sigma ≤ 0.
double bernoulli_pmf(int k, double p);
double gaussian_pdf(double x, double mu, double sigma);
double gaussian_cdf(double x, double mu, double sigma);

/// naive_bayes: classes sorted ascending; one row of means/variances per
/// class; variances are per-class population variances plus var_smoothing ×
/// the largest population variance of any feature over all of X.
struct GaussianNaiveBayes {
  std::vector<int> classes;
  Eigen::VectorXd log_priors;
  Eigen::MatrixXd means;
  Eigen::MatrixXd variances;
};
GaussianNaiveBayes fit_gaussian_nb(const Eigen::MatrixXd& X, const std::vector<int>& y, double var_smoothing = 1e-9);
std::vector<int> predict_gaussian_nb(const GaussianNaiveBayes& model, const Eigen::MatrixXd& X);

}  // namespace mathlings
