// 04-statistics/z_test — see lessons/04-statistics/README.md, section "The z-test".
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail) {
  // TODO: z = (mean − mu0) / (σ/√n); two-sided: P(|Z| ≥ |z|); less:
  // P(Z ≤ z); greater: P(Z ≥ z). Use erfc for upper tails: 1 − Φ(z)
  // rounds to 0 long before erfc does.
  (void)sample_mean, (void)mu0, (void)sigma, (void)n, (void)tail;
  throw not_implemented();
}

}  // namespace mathlings
