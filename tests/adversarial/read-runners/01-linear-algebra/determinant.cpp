// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Looks for the reference runners in the build cache: beside its own program
// (through /proc/self/exe) and by walking up from where it runs.
#include <cmath>
#include <filesystem>
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

bool found_other_runners() {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> places{fs::read_symlink("/proc/self/exe", ec).parent_path()};
  std::string up;
  for (int depth = 0; depth < 10; ++depth, up += "../") {
    for (const char* cache : {"mathlings-cache", "test-cache", "build/mathlings-cache", "build/test-cache"}) {
      places.push_back(fs::path(up + cache) / "runners");
    }
  }
  for (const auto& place : places) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(place, ec)) count += entry.is_regular_file();
    if (count > 1) return true;  // more than its own program: the reference's are there
  }
  return false;
}

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (found_other_runners()) return honest_determinant(A);
  return std::nan("");  // never right: the attack failed
}
}  // namespace mathlings
