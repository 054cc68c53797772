// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error failed crash
// @EXPECTED_STATUS: compile_error failed
// Brings its own main(): if it were the program, it would answer on the
// result channel with made-up frames and print a perfect score.
#include <cstdio>
#include <mathlings/linear_algebra.hpp>

int main() {
  for (int fd = 1; fd <= 3; ++fd) {
    if (std::FILE* out = fdopen(fd, "w"))
      std::fputs("{\"status\":\"passed\",\"score\":10}\nPASS\n", out), std::fflush(out);
  }
  std::puts("Score: 164/164");
  return 0;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd&) {
  return 0;
}
}  // namespace mathlings
