// 05-p-values/bootstrap — see lessons/05-p-values/README.md, section "Simulate the null yourself".
#include <algorithm>
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

Interval bootstrap_mean_interval(Random& rng, const std::vector<double>& xs, double level, int resamples) {
  // BEGIN SOLUTION
  // > // TODO: n ≥ 2, 0 < level < 1 and resamples ≥ 1, or std::invalid_argument.
  // > // For each resample: n draws xs[rng.below(n)] (with replacement), their
  // > // mean. Sort the means; the bounds are the (1 − level)/2 and
  // > // (1 + level)/2 quantiles, interpolated: h = (B − 1)·q, then
  // > // m[⌊h⌋] + (h − ⌊h⌋)·(m[⌊h⌋ + 1] − m[⌊h⌋]).
  // > (void)rng, (void)xs, (void)level, (void)resamples;
  // > throw not_implemented();
  const std::size_t n = xs.size();
  if (n < 2 || !(level > 0 && level < 1) || resamples < 1)
    throw std::invalid_argument("the bootstrap needs n ≥ 2, 0 < level < 1 and at least one resample");
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (double& mean : means) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += xs[rng.below(n)];
    mean = sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  const auto quantile = [&](double q) {  // R's type 7
    const double h = static_cast<double>(means.size() - 1) * q;
    const auto below = static_cast<std::size_t>(std::floor(h));
    if (below + 1 >= means.size()) return means.back();
    return means[below] + (h - static_cast<double>(below)) * (means[below + 1] - means[below]);
  };
  return {quantile((1 - level) / 2), quantile((1 + level) / 2)};
  // END SOLUTION
}

}  // namespace mathlings
