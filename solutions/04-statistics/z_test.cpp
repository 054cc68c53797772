// 04-statistics/z_test — see lessons/04-statistics/README.md, section "The z-test".
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail) {
  // BEGIN SOLUTION
  // > // TODO: z = (mean − mu0) / (σ/√n); two-sided: P(|Z| ≥ |z|); less:
  // > // P(Z ≤ z); greater: P(Z ≥ z). Use erfc for upper tails: 1 − Φ(z)
  // > // rounds to 0 long before erfc does.
  // > (void)sample_mean, (void)mu0, (void)sigma, (void)n, (void)tail;
  // > throw not_implemented();
  if (!(sigma > 0.0) || n == 0) throw std::invalid_argument("sigma must be positive and n at least 1");
  const double z = (sample_mean - mu0) / (sigma / std::sqrt(static_cast<double>(n)));
  switch (tail) {
    case Tail::two_sided: return std::erfc(std::abs(z) / std::sqrt(2.0));
    case Tail::less: return 0.5 * std::erfc(-z / std::sqrt(2.0));
    case Tail::greater: return 0.5 * std::erfc(z / std::sqrt(2.0));
  }
  throw std::invalid_argument("unknown tail");
  // END SOLUTION
}

}  // namespace mathlings
