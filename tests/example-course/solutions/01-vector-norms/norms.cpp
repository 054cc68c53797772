// 01-vector-norms/norms — see lessons/01-vector-norms/README.md.
#include <algorithm>
#include <cmath>
#include <mathlings/vector_norms.hpp>

namespace mathlings {

double l1_norm(const std::vector<double>& x) {
  // BEGIN SOLUTION
  // > // TODO: add up the absolute values.
  // > (void)x;
  // > throw not_implemented();
  double sum = 0;
  for (double v : x) sum += std::abs(v);
  return sum;
  // END SOLUTION
}

double l2_norm(const std::vector<double>& x) {
  // BEGIN SOLUTION
  // > // TODO: the square root of the sum of squares — but squaring 1e200
  // > // overflows: divide by the largest magnitude first, multiply after.
  // > (void)x;
  // > throw not_implemented();
  const double scale = max_norm(x);
  if (scale == 0 || !std::isfinite(scale)) return scale;
  double sum = 0;
  for (double v : x) sum += (v / scale) * (v / scale);  // every term ≤ 1: no overflow
  return scale * std::sqrt(sum);
  // END SOLUTION
}

double max_norm(const std::vector<double>& x) {
  // BEGIN SOLUTION
  // > // TODO: the largest absolute value (0 for an empty vector).
  // > (void)x;
  // > throw not_implemented();
  double largest = 0;
  for (double v : x) largest = std::max(largest, std::abs(v));
  return largest;
  // END SOLUTION
}

}  // namespace mathlings
