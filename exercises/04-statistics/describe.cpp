// 04-statistics/describe — see lessons/04-statistics/README.md,
// section "Centre and spread".
#include <algorithm>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

Summary describe(const std::vector<double>& xs) {
  // TODO: n ≥ 2 or std::invalid_argument. The mean; the median of the
  // sorted values; the sample variance Σ(x − mean)²/(n − 1) — computed from
  // the deviations, not as Σx² − n·mean², which cancels catastrophically
  // when the values are large and close; its root; min and max.
  (void)xs;
  throw not_implemented();
}

}  // namespace mathlings
