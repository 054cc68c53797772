// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: compile_error
// Each instantiation asks for two more: 2^40 of them, unless something stops
// the compiler first.
#include <mathlings/linear_algebra.hpp>

template <int N, long M>
struct Bomb {
  static constexpr long value = Bomb<N - 1, 2 * M>::value + Bomb<N - 1, 2 * M + 1>::value;
};
template <long M>
struct Bomb<0, M> {
  static constexpr long value = M;
};

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  return static_cast<double>(Bomb<40, 1>::value);
}
}  // namespace mathlings
