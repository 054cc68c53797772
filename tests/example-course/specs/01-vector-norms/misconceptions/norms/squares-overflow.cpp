// 01-vector-norms/norms, wrong on purpose: the textbook l2 norm, whose squares
// overflow and underflow. A misconception variant (see ../../norms.yaml): never a solution.
#include <cmath>
#include <mathlings/vector_norms.hpp>

namespace mathlings {

double l1_norm(const std::vector<double>& x) {
  double sum = 0;
  for (double v : x) sum += std::abs(v);
  return sum;
}

double l2_norm(const std::vector<double>& x) {
  double sum = 0;
  for (double v : x) sum += v * v;
  return std::sqrt(sum);
}

double max_norm(const std::vector<double>& x) {
  double largest = 0;
  for (double v : x) largest = std::fmax(largest, std::abs(v));
  return largest;
}

}  // namespace mathlings
