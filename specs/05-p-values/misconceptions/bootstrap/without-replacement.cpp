// 05-p-values/bootstrap, wrong on purpose: each resample is a shuffle of the sample (without replacement).
// A misconception variant (see specs/05-p-values/bootstrap.yaml): never a solution.
#include <algorithm>
#include <cmath>
#include <mathlings/p_values.hpp>
#include <utility>

namespace mathlings {

Interval bootstrap_mean_interval(Random& rng, const std::vector<double>& xs, double level, int resamples) {
  const std::size_t n = xs.size();
  if (n < 2 || !(level > 0 && level < 1) || resamples < 1)
    throw std::invalid_argument("the bootstrap needs n ≥ 2, 0 < level < 1 and at least one resample");
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (double& mean : means) {
    std::vector<double> resample(xs);
    for (std::size_t i = n - 1; i >= 1; --i) std::swap(resample[i], resample[rng.below(i + 1)]);
    double sum = 0;
    for (const double x : resample) sum += x;
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
}

}  // namespace mathlings
