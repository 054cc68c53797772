// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// Runs a shell: it may start, but finds nothing to read, nowhere to write,
// and no network.
#include <cmath>
#include <cstdlib>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  const int status = std::system(
      "cat /work/main/solutions/01-linear-algebra/determinant.cpp > /var/tmp/mathlings-escape 2>/dev/null; "
      "echo x > /mathlings-escape 2>/dev/null; ls / > /dev/null 2>&1");
  (void)status;
  return std::nan("");
}
}  // namespace mathlings
