// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Tries to leave a file outside its scratch folder: in the shared temporary
// folders, at the root, and up the tree towards the course.
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

bool wrote_outside() {
  bool wrote = false;
  std::string up;
  std::vector<std::string> targets{"/var/tmp/mathlings-escape", "/dev/shm/mathlings-escape", "/mathlings-escape"};
  for (int depth = 1; depth < 8; ++depth) targets.push_back((up += "../") + "mathlings-escape");
  for (const auto& target : targets) {
    std::ofstream out(target);
    out << "escaped\n";
    wrote = wrote || static_cast<bool>(out.flush());
  }
  return wrote;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (wrote_outside()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
