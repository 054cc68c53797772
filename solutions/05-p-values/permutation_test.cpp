// 05-p-values/permutation_test — see lessons/05-p-values/README.md, section "Simulate the null yourself".
#include <cmath>
#include <mathlings/p_values.hpp>
#include <utility>

namespace mathlings {

double permutation_p_value(Random& rng, const std::vector<double>& a, const std::vector<double>& b, int permutations) {
  // BEGIN SOLUTION
  // > // TODO: a and b not empty and permutations ≥ 1, or std::invalid_argument.
  // > // T = mean(a) − mean(b). Pool a then b; for each permutation shuffle the
  // > // pool in place (for i from the last index down to 1, swap entries i
  // > // and rng.below(i + 1)), and compute T* of its first |a| values against
  // > // the rest. Count |T*| ≥ |T|·(1 − 1e-12); p = (1 + count)/(1 + permutations).
  // > (void)rng, (void)a, (void)b, (void)permutations;
  // > throw not_implemented();
  if (a.empty() || b.empty() || permutations < 1)
    throw std::invalid_argument("a permutation test needs two non-empty samples and at least one permutation");
  std::vector<double> pool(a);
  pool.insert(pool.end(), b.begin(), b.end());
  const auto difference = [&](const std::vector<double>& values) {
    double sum_a = 0, sum_b = 0;
    for (std::size_t i = 0; i < values.size(); ++i) (i < a.size() ? sum_a : sum_b) += values[i];
    return sum_a / static_cast<double>(a.size()) - sum_b / static_cast<double>(b.size());
  };
  const double observed = std::abs(difference(pool));
  int as_extreme = 0;
  for (int k = 0; k < permutations; ++k) {
    for (std::size_t i = pool.size() - 1; i >= 1; --i) std::swap(pool[i], pool[rng.below(i + 1)]);
    if (std::abs(difference(pool)) >= observed * (1 - 1e-12)) ++as_extreme;
  }
  return (1.0 + as_extreme) / (1.0 + permutations);
  // END SOLUTION
}

}  // namespace mathlings
