// 05-p-values/bootstrap — see lessons/05-p-values/README.md, section "Simulate the null yourself".
#include <algorithm>
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

Interval bootstrap_mean_interval(Random& rng, const std::vector<double>& xs, double level, int resamples) {
  // TODO: n ≥ 2, 0 < level < 1 and resamples ≥ 1, or std::invalid_argument.
  // For each resample: n draws xs[rng.below(n)] (with replacement), their
  // mean. Sort the means; the bounds are the (1 − level)/2 and
  // (1 + level)/2 quantiles, interpolated: h = (B − 1)·q, then
  // m[⌊h⌋] + (h − ⌊h⌋)·(m[⌊h⌋ + 1] − m[⌊h⌋]).
  (void)rng, (void)xs, (void)level, (void)resamples;
  throw not_implemented();
}

}  // namespace mathlings
