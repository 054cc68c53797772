// 07-eigenvectors/pca, wrong on purpose: the covariance divides by n instead of n − 1.
// A misconception variant (see specs/07-eigenvectors/pca.yaml): never a solution.
#include <Eigen/Eigenvalues>
#include <cmath>
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

PrincipalComponents pca(const Eigen::MatrixXd& X, int k) {
  if (X.rows() < 2) throw std::invalid_argument("PCA needs at least two observations (rows)");
  if (k < 1 || k > X.cols()) throw std::invalid_argument("k must be from 1 to the number of columns");
  const Eigen::RowVectorXd mean = X.colwise().mean();
  const Eigen::MatrixXd centred = X.rowwise() - mean;
  const Eigen::MatrixXd covariance = centred.transpose() * centred / static_cast<double>(X.rows());
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
}

}  // namespace mathlings
