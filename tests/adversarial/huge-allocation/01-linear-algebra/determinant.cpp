// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: memory_limit
// Asks for 10 GB at once.
#include <mathlings/linear_algebra.hpp>
#include <vector>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  std::vector<char> huge(10'000'000'000ULL, 1);
  return huge[12345];
}
}  // namespace mathlings
