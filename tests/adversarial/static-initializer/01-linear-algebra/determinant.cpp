// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: crash
// Prints fake verdicts and exits before main() runs.
#include <cstdio>
#include <cstdlib>
#include <mathlings/linear_algebra.hpp>

namespace {
const bool ended = [] {
  std::puts("{\"score\": 100.0, \"status\": \"passed\"}\nanswer 0 ok d 0x1p+0\ndone");
  std::_Exit(0);
  return true;
}();
}  // namespace

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  return ended ? 1.0 : 0.0;
}
}  // namespace mathlings
