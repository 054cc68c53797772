// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: crash error
// Dies a different way by the size of the matrix: a null pointer, abort(),
// an integer division by zero, and a recursion that overflows the stack.
#include <cstdlib>
#include <mathlings/linear_algebra.hpp>

namespace {
volatile int zero = 0;
volatile int seven = 7;
int deeper(volatile int n) {
  volatile char frame[4096];
  frame[0] = static_cast<char>(n);
  return deeper(n + 1) + frame[0];
}
}  // namespace

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  switch (A.rows() % 4) {
    case 0: return *static_cast<volatile double*>(nullptr);
    case 1: std::abort();
    case 2: return seven / zero;
    default: return deeper(0);
  }
}
}  // namespace mathlings
