// 05-p-values/simulate_p_values — see lessons/05-p-values/README.md, section "What a p-value is".
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

std::vector<double> simulate_p_values(Random& rng, int trials, std::size_t n, double true_mean, double mu0,
                                      double sigma) {
  // TODO: trials ≥ 0, n ≥ 1 and sigma > 0, or std::invalid_argument.
  // For each trial: draw n values true_mean + sigma * rng.normal(), take
  // their mean x̄, z = (x̄ − mu0) / (sigma / √n), and the two-sided p-value
  // erfc(|z| / √2).
  (void)rng, (void)trials, (void)n, (void)true_mean, (void)mu0, (void)sigma;
  throw not_implemented();
}

double rejection_rate(const std::vector<double>& p_values, double alpha) {
  // TODO: the fraction of the p-values below alpha (p < alpha);
  // std::invalid_argument for an empty list.
  (void)p_values, (void)alpha;
  throw not_implemented();
}

}  // namespace mathlings
