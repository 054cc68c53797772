// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: memory_limit timeout crash error
// Takes memory a megabyte at a time, touching every page, and never gives
// it back.
#include <cstring>
#include <mathlings/linear_algebra.hpp>
#include <new>

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  for (;;) {
    char* block = new char[1 << 20];
    std::memset(block, 1, 1 << 20);
  }
}
}  // namespace mathlings
