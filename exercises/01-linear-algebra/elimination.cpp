// Exercise 01-linear-algebra/elimination — lesson: lessons/01-linear-algebra/README.md,
// sections "Elimination by hand" and "Pivoting".
#include <mathlings/linear_algebra.hpp>

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
