// 04-statistics/describe — see lessons/04-statistics/README.md,
// section "Centre and spread".
#include <algorithm>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

Summary describe(const std::vector<double>& xs) {
  // BEGIN SOLUTION
  // > // TODO: n ≥ 2 or std::invalid_argument. The mean; the median of the
  // > // sorted values; the sample variance Σ(x − mean)²/(n − 1) — computed from
  // > // the deviations, not as Σx² − n·mean², which cancels catastrophically
  // > // when the values are large and close; its root; min and max.
  // > (void)xs;
  // > throw not_implemented();
  if (xs.size() < 2) throw std::invalid_argument("describe needs at least two values");
  const double n = static_cast<double>(xs.size());
  double sum = 0;
  for (double x : xs) sum += x;
  const double mean = sum / n;
  // Two passes: deviations from the mean are small numbers, summed without
  // cancellation; the second sum corrects the rounding of the mean itself.
  double squares = 0, deviations = 0;
  for (double x : xs) {
    squares += (x - mean) * (x - mean);
    deviations += x - mean;
  }
  const double variance = (squares - deviations * deviations / n) / (n - 1);
  std::vector<double> sorted = xs;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t half = sorted.size() / 2;
  const double median = sorted.size() % 2 == 1 ? sorted[half] : 0.5 * (sorted[half - 1] + sorted[half]);
  return {mean, median, variance, std::sqrt(variance), sorted.front(), sorted.back()};
  // END SOLUTION
}

}  // namespace mathlings
