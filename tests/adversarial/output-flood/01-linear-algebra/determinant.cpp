// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: output_limit
// Floods standard output with NUL bytes and fake verdicts, without end.
#include <cstdio>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  const char nuls[4096] = {};
  for (;;) {
    std::fwrite(nuls, 1, sizeof nuls, stdout);
    std::fputs("PASSED\n", stdout);
  }
}
}  // namespace mathlings
