// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Looks for the course's reference solution along every path it can think of.
#include <cmath>
#include <fstream>
#include <mathlings/linear_algebra.hpp>
#include <sstream>
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

bool found_the_solution() {
  std::string up;
  for (int depth = 0; depth < 10; ++depth, up += "../") {
    for (const char* base : {"", "/proc/self/cwd/", "/work/main/"}) {
      std::ifstream in(std::string(base) + up + "solutions/01-linear-algebra/determinant.cpp");
      std::stringstream text;
      text << in.rdbuf();
      if (text.str().find("BEGIN SOLUTION") != std::string::npos) return true;
    }
  }
  return false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (found_the_solution()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
