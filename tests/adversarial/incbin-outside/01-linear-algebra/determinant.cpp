// @EXPECTED_SCORE: 0
// @EXPECTED_TESTS: error
// @EXPECTED_STATUS: compile_error
// @ESCAPES_WITHOUT_SANDBOX
// No #include at all: the assembler's .incbin embeds any file the compiler
// can open into the program. /etc/passwd stands for the course's solutions;
// only if it was read does this file answer correctly.
#include <cmath>
#include <cstring>
#include <mathlings/linear_algebra.hpp>

asm(".section .rodata\n.global mathlings_stolen\nmathlings_stolen:\n.incbin \"/etc/passwd\"\n.byte 0\n.text\n");
extern "C" const char mathlings_stolen[];

namespace mathlings {
double determinant(const Eigen::MatrixXd& A) {
  if (std::strstr(mathlings_stolen, "root:") == nullptr) return std::nan("");
  if (A.rows() != A.cols()) throw std::invalid_argument("not square");
  Eigen::MatrixXd a = A;
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
}  // namespace mathlings
