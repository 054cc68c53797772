// 07-eigenvectors/pca — see lessons/07-eigenvectors/README.md,
// section "Principal components".
#include <Eigen/Eigenvalues>
#include <cmath>
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

PrincipalComponents pca(const Eigen::MatrixXd& X, int k) {
  // BEGIN SOLUTION
  // > // TODO: at least 2 rows and 1 ≤ k ≤ columns, or std::invalid_argument.
  // > // Centre X (subtract each column's mean), take its covariance matrix
  // > // (n − 1), and its eigenvectors (Eigen::SelfAdjointEigenSolver: they
  // > // come in increasing eigenvalue). Keep the k largest, in decreasing
  // > // order, each a column, turned by the sign convention; explained
  // > // variance = their eigenvalues, ratio = each over the sum of all
  // > // eigenvalues; scores = centred X times the components.
  // > (void)X;
  // > (void)k;
  // > throw not_implemented();
  if (X.rows() < 2) throw std::invalid_argument("PCA needs at least two observations (rows)");
  if (k < 1 || k > X.cols()) throw std::invalid_argument("k must be from 1 to the number of columns");
  const Eigen::RowVectorXd mean = X.colwise().mean();
  const Eigen::MatrixXd centred = X.rowwise() - mean;
  const Eigen::MatrixXd covariance = centred.transpose() * centred / static_cast<double>(X.rows() - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
  const Eigen::VectorXd values = eigen.eigenvalues();  // increasing
  const Eigen::Index d = X.cols();
  PrincipalComponents result{mean.transpose(), Eigen::MatrixXd(d, k), Eigen::VectorXd(k), Eigen::VectorXd(k), {}};
  const double total = values.sum();
  for (int j = 0; j < k; ++j) {
    Eigen::VectorXd v = eigen.eigenvectors().col(d - 1 - j);  // the largest first
    Eigen::Index largest = 0;
    for (Eigen::Index i = 1; i < v.size(); ++i)
      if (std::abs(v(i)) > std::abs(v(largest))) largest = i;
    if (v(largest) < 0) v = -v;
    result.components.col(j) = v;
    result.explained_variance(j) = values(d - 1 - j);
    result.explained_variance_ratio(j) = total > 0 ? values(d - 1 - j) / total : 0;
  }
  result.scores = centred * result.components;
  return result;
  // END SOLUTION
}

}  // namespace mathlings
