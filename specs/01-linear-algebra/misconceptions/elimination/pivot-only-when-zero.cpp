// 01-linear-algebra/elimination, wrong on purpose: swaps rows only when the pivot is exactly zero.
// A misconception variant (see specs/01-linear-algebra/elimination.yaml): never a solution.
#include <cmath>
#include <mathlings/linear_algebra.hpp>
#include <utility>

namespace mathlings {

Eigen::VectorXd solve_by_elimination(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
  if (A.rows() != A.cols()) throw std::invalid_argument("A must be square");
  if (b.size() != A.rows()) throw std::invalid_argument("b must have one entry per row of A");
  const Eigen::Index n = A.rows();
  Eigen::MatrixXd U = A;
  Eigen::VectorXd c = b;
  // "Singular" is judged against the size of A's entries, so that scaling a
  // system by 1e-20 does not make it singular.
  const double tiny = 1e-12 * (n > 0 ? A.cwiseAbs().maxCoeff() : 0.0);
  for (Eigen::Index k = 0; k < n; ++k) {
    // Partial pivoting: the largest candidate keeps every multiplier at most 1
    // in magnitude, so rounding errors are not amplified.
    Eigen::Index pivot = k;
    if (U(k, k) == 0.0) {
      for (Eigen::Index i = k + 1; i < n; ++i)
        if (U(i, k) != 0.0) {
          pivot = i;
          break;
        }
    }
    if (U(pivot, k) == 0.0) throw std::domain_error("the matrix is singular");
    if (pivot != k) {
      U.row(k).swap(U.row(pivot));
      std::swap(c(k), c(pivot));
    }
    for (Eigen::Index i = k + 1; i < n; ++i) {
      const double factor = U(i, k) / U(k, k);
      U.row(i).tail(n - k) -= factor * U.row(k).tail(n - k);
      c(i) -= factor * c(k);
    }
  }
  Eigen::VectorXd x(n);
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    const double known = U.row(i).tail(n - i - 1).dot(x.tail(n - i - 1));
    x(i) = (c(i) - known) / U(i, i);
  }
  return x;
}

}  // namespace mathlings
