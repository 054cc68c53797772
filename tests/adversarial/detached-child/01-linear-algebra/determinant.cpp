// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Leaves a child behind in a session of its own, out of reach of a process
// group kill: the corpus fails if it is still running after grading.
#include <cmath>
#include <mathlings/linear_algebra.hpp>

// No <unistd.h> in this lesson; declarations are enough.
extern "C" int fork();
extern "C" int setsid();
extern "C" unsigned sleep(unsigned seconds);
extern "C" void _exit(int status);

namespace {
bool left_behind = false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  if (!left_behind && fork() == 0) {
    setsid();
    sleep(5);
    _exit(0);
  }
  left_behind = true;
  return std::nan("");  // never right: only the child is the attack
}
}  // namespace mathlings
