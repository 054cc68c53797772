// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Looks around the file system: anything of the machine beyond the sandbox's
// own minimal root (/usr, the loader's cache, a few devices, its /tmp) counts.
#include <cmath>
#include <filesystem>
#include <mathlings/linear_algebra.hpp>
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

bool saw_the_machine() {
  std::error_code ec;
  for (const char* path : {"/proc/self", "/proc/1", "/home", "/root", "/work", "/etc/passwd", "/var", "/sys/kernel"}) {
    if (std::filesystem::exists(path, ec)) return true;
  }
  return false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (saw_the_machine()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
