// 05-p-values/simulate_p_values — see lessons/05-p-values/README.md, section "What a p-value is".
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

std::vector<double> simulate_p_values(Random& rng, int trials, std::size_t n, double true_mean, double mu0,
                                      double sigma) {
  // BEGIN SOLUTION
  // > // TODO: trials ≥ 0, n ≥ 1 and sigma > 0, or std::invalid_argument.
  // > // For each trial: draw n values true_mean + sigma * rng.normal(), take
  // > // their mean x̄, z = (x̄ − mu0) / (sigma / √n), and the two-sided p-value
  // > // erfc(|z| / √2).
  // > (void)rng, (void)trials, (void)n, (void)true_mean, (void)mu0, (void)sigma;
  // > throw not_implemented();
  if (trials < 0 || n == 0 || !(sigma > 0))
    throw std::invalid_argument("simulate_p_values needs trials ≥ 0, n ≥ 1 and sigma > 0");
  std::vector<double> p_values;
  p_values.reserve(static_cast<std::size_t>(trials));
  for (int t = 0; t < trials; ++t) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += true_mean + sigma * rng.normal();
    const double z = (sum / static_cast<double>(n) - mu0) / (sigma / std::sqrt(static_cast<double>(n)));
    p_values.push_back(std::erfc(std::abs(z) / std::sqrt(2.0)));
  }
  return p_values;
  // END SOLUTION
}

double rejection_rate(const std::vector<double>& p_values, double alpha) {
  // BEGIN SOLUTION
  // > // TODO: the fraction of the p-values below alpha (p < alpha);
  // > // std::invalid_argument for an empty list.
  // > (void)p_values, (void)alpha;
  // > throw not_implemented();
  if (p_values.empty()) throw std::invalid_argument("no p-values: no rate");
  std::size_t below = 0;
  for (const double p : p_values)
    if (p < alpha) ++below;
  return static_cast<double>(below) / static_cast<double>(p_values.size());
  // END SOLUTION
}

}  // namespace mathlings
