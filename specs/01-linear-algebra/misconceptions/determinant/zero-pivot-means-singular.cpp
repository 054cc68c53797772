// 01-linear-algebra/determinant, wrong on purpose: returns 0 at a zero pivot instead of swapping.
// A misconception variant (see specs/01-linear-algebra/determinant.yaml): never a solution.
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

double determinant(const Eigen::MatrixXd& A) {
  if (A.rows() != A.cols()) throw std::invalid_argument("A must be square");
  Eigen::MatrixXd U = A;
  const Eigen::Index n = U.rows();
  double det = 1.0;
  for (Eigen::Index k = 0; k < n; ++k) {
    Eigen::Index pivot = k;
    if (U(pivot, k) == 0.0) return 0.0;  // a whole column of zeros: singular
    if (pivot != k) {
      U.row(k).swap(U.row(pivot));
      det = -det;  // every row swap flips the sign
    }
    det *= U(k, k);
    for (Eigen::Index i = k + 1; i < n; ++i) U.row(i).tail(n - k) -= U(i, k) / U(k, k) * U.row(k).tail(n - k);
  }
  return det;
}

}  // namespace mathlings
