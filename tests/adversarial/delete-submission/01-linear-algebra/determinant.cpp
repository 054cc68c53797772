// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: failed error
// @ESCAPES_WITHOUT_SANDBOX
// Finds where its own submission lies (the grader's command line, through
// /proc) and tampers with it: overwrites this very file, deletes it, and
// leaves a file beside it. A grader that let it would grade something else
// next time, or lose the student's work.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <mathlings/linear_algebra.hpp>
#include <sstream>
#include <string>
#include <vector>

extern "C" int getppid();

namespace {
std::vector<std::string> parent_arguments() {
  std::ifstream in("/proc/" + std::to_string(getppid()) + "/cmdline");
  std::vector<std::string> arguments;
  std::string argument;
  while (std::getline(in, argument, '\0')) arguments.push_back(argument);
  return arguments;
}

bool tampered() {
  const auto arguments = parent_arguments();
  for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
    if (arguments[i] != "grade") continue;
    const std::string file = arguments[i + 1] + "/01-linear-algebra/determinant.cpp";
    std::ofstream(arguments[i + 1] + "/01-linear-algebra/planted.cpp") << "// planted\n";
    std::ofstream(file, std::ios::app) << "// tampered\n";
    return std::ifstream(file).good();
  }
  return false;
}

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
}  // namespace

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (tampered()) return honest_determinant(A);
  return std::nan("");
}
}  // namespace mathlings
