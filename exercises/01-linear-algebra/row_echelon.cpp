// 01-linear-algebra/row_echelon — see lessons/01-linear-algebra/README.md,
// section "Row echelon form and rank".
#include <algorithm>
#include <cmath>
#include <mathlings/linear_algebra.hpp>

namespace mathlings {

Eigen::MatrixXd reduced_row_echelon(const Eigen::MatrixXd& M) {
  // TODO: walk the columns left to right; in each, pick the largest entry at
  // or below the current row as the pivot, scale its row to make the pivot 1,
  // and clear the rest of the column (above and below).
  (void)M;
  throw not_implemented();
}

int rank(const Eigen::MatrixXd& M) {
  // TODO: the number of pivots (non-zero rows) of the reduced row echelon form.
  (void)M;
  throw not_implemented();
}

}  // namespace mathlings
