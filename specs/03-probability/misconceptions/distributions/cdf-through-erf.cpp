// 03-probability/distributions, wrong on purpose: computes Φ as ½(1 + erf(z/√2)).
// A misconception variant (see specs/03-probability/distributions.yaml): never a solution.
#include <cmath>
#include <mathlings/probability.hpp>

namespace mathlings {

double bernoulli_pmf(int k, double p) {
  if (k != 0 && k != 1) throw std::invalid_argument("a Bernoulli variable is 0 or 1");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("p is outside [0, 1]");
  return k == 1 ? p : 1.0 - p;
}

double gaussian_pdf(double x, double mu, double sigma) {
  if (!(sigma > 0.0)) throw std::invalid_argument("sigma must be positive");
  const double z = (x - mu) / sigma;
  return std::exp(-0.5 * z * z) / (sigma * std::sqrt(2.0 * M_PI));
}

double gaussian_cdf(double x, double mu, double sigma) {
  if (!(sigma > 0.0)) throw std::invalid_argument("sigma must be positive");
  return 0.5 * (1.0 + std::erf((x - mu) / (sigma * std::sqrt(2.0))));
}

}  // namespace mathlings
