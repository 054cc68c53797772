// 01-linear-algebra/inverse, wrong on purpose: divides by a zero pivot instead of reporting a singular matrix.
// A misconception variant (see specs/01-linear-algebra/inverse.yaml): never a solution.
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::MatrixXd inverse(const Eigen::MatrixXd& A) {
  if (A.rows() != A.cols()) throw std::invalid_argument("A must be square");
  const Eigen::Index n = A.rows();
  // Gauss–Jordan on [A | I]: the row operations that turn A into I turn I into A⁻¹.
  Eigen::MatrixXd work(n, 2 * n);
  work << A, Eigen::MatrixXd::Identity(n, n);
  const double tiny = 1e-12 * (n > 0 ? A.cwiseAbs().maxCoeff() : 0.0);
  for (Eigen::Index k = 0; k < n; ++k) {
    Eigen::Index pivot = k;
    for (Eigen::Index i = k + 1; i < n; ++i)
      if (std::abs(work(i, k)) > std::abs(work(pivot, k))) pivot = i;
    (void)tiny;
    work.row(k).swap(work.row(pivot));
    work.row(k) /= work(k, k);
    for (Eigen::Index i = 0; i < n; ++i)
      if (i != k) work.row(i) -= work(i, k) * work.row(k);
  }
  return work.rightCols(n);
}

}  // namespace mathlings
