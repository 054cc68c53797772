// 01-linear-algebra/row_echelon — see lessons/01-linear-algebra/README.md,
// section "Row echelon form and rank".
#include <algorithm>
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

// BEGIN SOLUTION ONLY
namespace {
// Rounding leaves tiny non-zeros where exact arithmetic would give zero; the
// threshold scales with the matrix so that the answer does not depend on units.
double zero_threshold(const Eigen::MatrixXd& M) {
  return 1e-10 * std::max(1.0, M.size() > 0 ? M.cwiseAbs().maxCoeff() : 0.0);
}
}  // namespace

// END SOLUTION
Eigen::MatrixXd reduced_row_echelon(const Eigen::MatrixXd& M) {
  // BEGIN SOLUTION
  // > // TODO: walk the columns left to right; in each, pick the largest entry at
  // > // or below the current row as the pivot, scale its row to make the pivot 1,
  // > // and clear the rest of the column (above and below).
  // > (void)M;
  // > throw not_implemented();
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
  // END SOLUTION
}

int rank(const Eigen::MatrixXd& M) {
  // BEGIN SOLUTION
  // > // TODO: the number of pivots (non-zero rows) of the reduced row echelon form.
  // > (void)M;
  // > throw not_implemented();
  const Eigen::MatrixXd R = reduced_row_echelon(M);
  int pivots = 0;
  for (Eigen::Index i = 0; i < R.rows(); ++i)
    if (!R.row(i).isZero(0.0)) ++pivots;
  return pivots;
  // END SOLUTION
}

}  // namespace mathlings
