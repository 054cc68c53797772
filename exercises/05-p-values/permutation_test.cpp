// 05-p-values/permutation_test — see lessons/05-p-values/README.md, section "Simulate the null yourself".
#include <cmath>
#include <mathlings/p_values.hpp>
#include <utility>

namespace mathlings {

double permutation_p_value(Random& rng, const std::vector<double>& a, const std::vector<double>& b, int permutations) {
  // TODO: a and b not empty and permutations ≥ 1, or std::invalid_argument.
  // T = mean(a) − mean(b). Pool a then b; for each permutation shuffle the
  // pool in place (for i from the last index down to 1, swap entries i
  // and rng.below(i + 1)), and compute T* of its first |a| values against
  // the rest. Count |T*| ≥ |T|·(1 − 1e-12); p = (1 + count)/(1 + permutations).
  (void)rng, (void)a, (void)b, (void)permutations;
  throw not_implemented();
}

}  // namespace mathlings
