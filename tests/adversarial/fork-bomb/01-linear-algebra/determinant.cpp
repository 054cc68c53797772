// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error timeout crash
// Forks as many waiting children as it can (bounded, to stay polite when the
// sandbox is off); all must be gone after grading.
#include <cmath>
#include <mathlings/linear_algebra.hpp>

extern "C" int fork();
extern "C" int pause();
extern "C" void _exit(int status);

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  for (int k = 0; k < 2000; ++k) {
    const int child = fork();
    if (child == 0) {
      pause();
      _exit(0);
    }
    if (child < 0) break;
  }
  return std::nan("");
}
}  // namespace mathlings
