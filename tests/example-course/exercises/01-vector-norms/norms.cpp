// 01-vector-norms/norms — see lessons/01-vector-norms/README.md.
#include <algorithm>
#include <cmath>
#include <mathlings/vector_norms.hpp>

namespace mathlings {

double l1_norm(const std::vector<double>& x) {
  // TODO: add up the absolute values.
  (void)x;
  throw not_implemented();
}

double l2_norm(const std::vector<double>& x) {
  // TODO: the square root of the sum of squares — but squaring 1e200
  // overflows: divide by the largest magnitude first, multiply after.
  (void)x;
  throw not_implemented();
}

double max_norm(const std::vector<double>& x) {
  // TODO: the largest absolute value (0 for an empty vector).
  (void)x;
  throw not_implemented();
}

}  // namespace mathlings
