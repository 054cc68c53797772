// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Tries to read the grader's memory (where the expected values are) and
// environment through /proc/<parent>/.
#include <cmath>
#include <fstream>
#include <mathlings/linear_algebra.hpp>
#include <string>

// Correct answers, used only when the attack works: a score above 0 means
// the sandbox let something through.
double honest_determinant(Eigen::MatrixXd a) {
  if (a.rows() != a.cols()) throw std::invalid_argument("not square");
  double det = 1;
  for (Eigen::Index k = 0; k < a.rows(); ++k) {
    Eigen::Index p = k;
    for (Eigen::Index i = k + 1; i < a.rows(); ++i)
      if (std::abs(a(i, k)) > std::abs(a(p, k))) p = i;
    if (a(p, k) == 0) return 0;
    if (p != k) a.row(k).swap(a.row(p)), det = -det;
    det *= a(k, k);
    for (Eigen::Index i = k + 1; i < a.rows(); ++i) a.row(i) -= a(i, k) / a(k, k) * a.row(k);
  }
  return det;
}

extern "C" int getppid();

bool read_the_grader() {
  const std::string parent = "/proc/" + std::to_string(getppid());
  for (const char* file : {"/mem", "/environ", "/maps"}) {
    std::ifstream in(parent + file, std::ios::binary);
    char c;
    if (in.get(c)) return true;
  }
  return false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (read_the_grader()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
