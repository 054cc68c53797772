// 04-statistics/z_test, wrong on purpose: upper tails as 1 − Φ(z), which rounds a small
// p-value to 0.
// A misconception variant (see specs/04-statistics/z_test.yaml): never a solution.
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

namespace {
// Φ on paper: right, but 1 − Φ(z) rounds to 0 once Φ(z) rounds to 1.
double phi(double z) {
  return 0.5 * (1.0 + std::erf(z / std::sqrt(2.0)));
}
}  // namespace

double z_test_p_value(double sample_mean, double mu0, double sigma, std::size_t n, Tail tail) {
  if (!(sigma > 0.0) || n == 0) throw std::invalid_argument("sigma must be positive and n at least 1");
  const double z = (sample_mean - mu0) / (sigma / std::sqrt(static_cast<double>(n)));
  switch (tail) {
    case Tail::two_sided: return 2.0 * (1.0 - phi(std::abs(z)));
    case Tail::less: return phi(z);
    case Tail::greater: return 1.0 - phi(z);
  }
  throw std::invalid_argument("unknown tail");
}

}  // namespace mathlings
