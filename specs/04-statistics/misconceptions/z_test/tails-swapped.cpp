// 04-statistics/z_test, wrong on purpose: swaps the two one-sided tails.
// A misconception variant (see specs/04-statistics/z_test.yaml): never a solution.
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail) {
  if (!(sigma > 0.0) || n == 0) throw std::invalid_argument("sigma must be positive and n at least 1");
  const double z = (sample_mean - mu0) / (sigma / std::sqrt(static_cast<double>(n)));
  switch (tail) {
    case Tail::two_sided: return std::erfc(std::abs(z) / std::sqrt(2.0));
    case Tail::less: return 0.5 * std::erfc(z / std::sqrt(2.0));
    case Tail::greater: return 0.5 * std::erfc(-z / std::sqrt(2.0));
  }
  throw std::invalid_argument("unknown tail");
}

}  // namespace mathlings
