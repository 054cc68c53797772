// 01-linear-algebra/elimination — see lessons/01-linear-algebra/README.md,
// sections "Elimination by hand" and "Pivoting".
#include <cmath>
#include <mathlings/linear_algebra.hpp>
#include <utility>

namespace mathlings {

Eigen::VectorXd solve_by_elimination(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
  // TODO: check the sizes, then eliminate column by column, swapping up the
  // row with the largest pivot first; then solve the triangular system from
  // the bottom row up.
  (void)A;
  (void)b;
  throw not_implemented();
}

}  // namespace mathlings
