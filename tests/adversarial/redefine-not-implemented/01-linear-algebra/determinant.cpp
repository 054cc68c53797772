// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: compile_error
// Replaces the lesson's not-implemented exception with one of its own.
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
struct not_implemented {
  int forged = 1;
};
double determinant(const Eigen::MatrixXd&) {
  throw not_implemented{};
}
}  // namespace mathlings
