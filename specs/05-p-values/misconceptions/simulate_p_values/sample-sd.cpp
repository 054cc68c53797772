// 05-p-values/simulate_p_values, wrong on purpose: the sample's standard deviation in place of the known σ.
// A misconception variant (see specs/05-p-values/simulate_p_values.yaml): never a solution.
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

std::vector<double> simulate_p_values(Random& rng, int trials, std::size_t n, double true_mean, double mu0,
                                      double sigma) {
  if (trials < 0 || n == 0 || !(sigma > 0))
    throw std::invalid_argument("simulate_p_values needs trials ≥ 0, n ≥ 1 and sigma > 0");
  std::vector<double> p_values;
  p_values.reserve(static_cast<std::size_t>(trials));
  for (int t = 0; t < trials; ++t) {
    std::vector<double> xs(n);
    double sum = 0;
    for (double& x : xs) sum += x = true_mean + sigma * rng.normal();
    const double mean = sum / static_cast<double>(n);
    double squares = 0;
    for (const double x : xs) squares += (x - mean) * (x - mean);
    const double s = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : sigma;
    const double z = (mean - mu0) / (s / std::sqrt(static_cast<double>(n)));
    p_values.push_back(std::erfc(std::abs(z) / std::sqrt(2.0)));
  }
  return p_values;
}

double rejection_rate(const std::vector<double>& p_values, double alpha) {
  if (p_values.empty()) throw std::invalid_argument("no p-values: no rate");
  std::size_t below = 0;
  for (const double p : p_values)
    if (p < alpha) ++below;
  return static_cast<double>(below) / static_cast<double>(p_values.size());
}

}  // namespace mathlings
