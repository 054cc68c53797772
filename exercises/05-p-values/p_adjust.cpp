// 05-p-values/p_adjust — see lessons/05-p-values/README.md, section "Many tests: corrections".
#include <algorithm>
#include <mathlings/p_values.hpp>
#include <numeric>

namespace mathlings {

std::vector<double> p_adjust(const std::vector<double>& p, Adjustment method) {
  // TODO: every p in [0, 1], or std::invalid_argument. With m = p.size():
  // bonferroni multiplies each by m. holm and benjamini_hochberg work on
  // the p-values sorted ascending (sort their indices, to put each result
  // back in the input's place): holm multiplies the i-th smallest
  // (i = 1…m) by m − i + 1 and takes the running maximum from the
  // smallest up; benjamini_hochberg multiplies it by m / i and takes the
  // running minimum from the largest down. Cap every result at 1.
  (void)p, (void)method;
  throw not_implemented();
}

}  // namespace mathlings
