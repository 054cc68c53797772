// 03-probability/distributions — see lessons/03-probability/README.md,
// section "Distributions: the language of uncertainty".
#include <cmath>
#include <mathlings/probability.hpp>

namespace mathlings {

double bernoulli_pmf(int k, double p) {
  // TODO: P(X = 1) = p and P(X = 0) = 1 − p; anything else is an error.
  (void)k, (void)p;
  throw not_implemented();
}

double gaussian_pdf(double x, double mu, double sigma) {
  // TODO: exp(−z²/2) / (σ·√(2π)) with z = (x − μ)/σ.
  (void)x, (void)mu, (void)sigma;
  throw not_implemented();
}

double gaussian_cdf(double x, double mu, double sigma) {
  // TODO: Φ(z) = ½·erfc(−z/√2); erfc keeps the far tails accurate where
  // 1 − something would round to 0.
  (void)x, (void)mu, (void)sigma;
  throw not_implemented();
}

}  // namespace mathlings
