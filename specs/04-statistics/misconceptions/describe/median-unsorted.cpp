// 04-statistics/describe, wrong on purpose: takes the middle of the values as given.
// A misconception variant (see specs/04-statistics/describe.yaml): never a solution.
#include <algorithm>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

Summary describe(const std::vector<double>& xs) {
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
  const double median = xs.size() % 2 == 1 ? xs[half] : 0.5 * (xs[half - 1] + xs[half]);
  return {mean, median, variance, std::sqrt(variance), sorted.front(), sorted.back()};
}

}  // namespace mathlings
