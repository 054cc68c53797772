// 03-probability/distributions — see lessons/03-probability/README.md,
// section "Distributions: the language of uncertainty".
#include <cmath>
#include <mathlings/probability.hpp>

namespace mathlings {

double bernoulli_pmf(int k, double p) {
  // BEGIN SOLUTION
  // > // TODO: P(X = 1) = p and P(X = 0) = 1 − p; anything else is an error.
  // > (void)k, (void)p;
  // > throw not_implemented();
  if (k != 0 && k != 1) throw std::invalid_argument("a Bernoulli variable is 0 or 1");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("p is outside [0, 1]");
  return k == 1 ? p : 1.0 - p;
  // END SOLUTION
}

double gaussian_pdf(double x, double mu, double sigma) {
  // BEGIN SOLUTION
  // > // TODO: exp(−z²/2) / (σ·√(2π)) with z = (x − μ)/σ.
  // > (void)x, (void)mu, (void)sigma;
  // > throw not_implemented();
  if (!(sigma > 0.0)) throw std::invalid_argument("sigma must be positive");
  const double z = (x - mu) / sigma;
  return std::exp(-0.5 * z * z) / (sigma * std::sqrt(2.0 * M_PI));
  // END SOLUTION
}

double gaussian_cdf(double x, double mu, double sigma) {
  // BEGIN SOLUTION
  // > // TODO: Φ(z) = ½·erfc(−z/√2); erfc keeps the far tails accurate where
  // > // 1 − something would round to 0.
  // > (void)x, (void)mu, (void)sigma;
  // > throw not_implemented();
  if (!(sigma > 0.0)) throw std::invalid_argument("sigma must be positive");
  return 0.5 * std::erfc(-(x - mu) / (sigma * std::sqrt(2.0)));
  // END SOLUTION
}

}  // namespace mathlings
