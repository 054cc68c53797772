// 05-p-values/p_adjust — see lessons/05-p-values/README.md, section "Many tests: corrections".
#include <algorithm>
#include <mathlings/p_values.hpp>
#include <numeric>

namespace mathlings {

std::vector<double> p_adjust(const std::vector<double>& p, Adjustment method) {
  // BEGIN SOLUTION
  // > // TODO: every p in [0, 1], or std::invalid_argument. With m = p.size():
  // > // bonferroni multiplies each by m. holm and benjamini_hochberg work on
  // > // the p-values sorted ascending (sort their indices, to put each result
  // > // back in the input's place): holm multiplies the i-th smallest
  // > // (i = 1…m) by m − i + 1 and takes the running maximum from the
  // > // smallest up; benjamini_hochberg multiplies it by m / i and takes the
  // > // running minimum from the largest down. Cap every result at 1.
  // > (void)p, (void)method;
  // > throw not_implemented();
  for (const double value : p)
    if (!(value >= 0 && value <= 1)) throw std::invalid_argument("a p-value is outside [0, 1]");
  const std::size_t m = p.size();
  std::vector<double> adjusted(m);
  if (method == Adjustment::bonferroni) {
    for (std::size_t i = 0; i < m; ++i) adjusted[i] = std::min(1.0, static_cast<double>(m) * p[i]);
    return adjusted;
  }
  std::vector<std::size_t> order(m);  // indices of p, smallest p first; ties keep their order
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  if (method == Adjustment::holm) {
    double running_max = 0;
    for (std::size_t rank = 1; rank <= m; ++rank) {
      const std::size_t i = order[rank - 1];
      running_max = std::max(running_max, static_cast<double>(m - rank + 1) * p[i]);
      adjusted[i] = std::min(1.0, running_max);
    }
  } else {
    double running_min = 1;
    for (std::size_t rank = m; rank >= 1; --rank) {
      const std::size_t i = order[rank - 1];
      running_min = std::min(running_min, static_cast<double>(m) / static_cast<double>(rank) * p[i]);
      adjusted[i] = running_min;
    }
  }
  return adjusted;
  // END SOLUTION
}

}  // namespace mathlings
