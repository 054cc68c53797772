// 01-linear-algebra/row_echelon, wrong on purpose: treats only an exact 0 as zero.
// A misconception variant (see specs/01-linear-algebra/row_echelon.yaml): never a solution.
#include <algorithm>
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

namespace {
// Rounding leaves tiny non-zeros where exact arithmetic would give zero; the
// threshold scales with the matrix so that the answer does not depend on units.
double zero_threshold(const Eigen::MatrixXd& M) {
  (void)M;
  return 0.0;
}
}  // namespace

Eigen::MatrixXd reduced_row_echelon(const Eigen::MatrixXd& M) {
  Eigen::MatrixXd R = M;
  const double tiny = zero_threshold(M);
  Eigen::Index row = 0;
  for (Eigen::Index col = 0; col < R.cols() && row < R.rows(); ++col) {
    Eigen::Index pivot = row;
    for (Eigen::Index i = row + 1; i < R.rows(); ++i)
      if (std::abs(R(i, col)) > std::abs(R(pivot, col))) pivot = i;
    if (std::abs(R(pivot, col)) <= tiny) {
      R.col(col).tail(R.rows() - row).setZero();  // a free column
      continue;
    }
    R.row(row).swap(R.row(pivot));
    R.row(row) /= R(row, col);
    for (Eigen::Index i = 0; i < R.rows(); ++i)
      if (i != row) R.row(i) -= R(i, col) * R.row(row);
    ++row;
  }
  for (Eigen::Index i = 0; i < R.size(); ++i)
    if (std::abs(R.data()[i]) <= tiny) R.data()[i] = 0.0;
  return R;
}

int rank(const Eigen::MatrixXd& M) {
  const Eigen::MatrixXd R = reduced_row_echelon(M);
  int pivots = 0;
  for (Eigen::Index i = 0; i < R.rows(); ++i)
    if (!R.row(i).isZero(0.0)) ++pivots;
  return pivots;
}

}  // namespace mathlings
