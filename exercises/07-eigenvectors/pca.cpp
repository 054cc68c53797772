// 07-eigenvectors/pca — see lessons/07-eigenvectors/README.md,
// section "Principal components".
#include <Eigen/Eigenvalues>
#include <cmath>
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

PrincipalComponents pca(const Eigen::MatrixXd& X, int k) {
  // TODO: at least 2 rows and 1 ≤ k ≤ columns, or std::invalid_argument.
  // Centre X (subtract each column's mean), take its covariance matrix
  // (n − 1), and its eigenvectors (Eigen::SelfAdjointEigenSolver: they
  // come in increasing eigenvalue). Keep the k largest, in decreasing
  // order, each a column, turned by the sign convention; explained
  // variance = their eigenvalues, ratio = each over the sum of all
  // eigenvalues; scores = centred X times the components.
  (void)X;
  (void)k;
  throw not_implemented();
}

}  // namespace mathlings
