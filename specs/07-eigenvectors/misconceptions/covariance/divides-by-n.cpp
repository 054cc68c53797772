// 07-eigenvectors/covariance, wrong on purpose: divides by n instead of n − 1.
// A misconception variant (see specs/07-eigenvectors/covariance.yaml): never a solution.
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X) {
  if (X.rows() < 2) throw std::invalid_argument("a covariance needs at least two observations (rows)");
  const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
  return centred.transpose() * centred / static_cast<double>(X.rows());
}

}  // namespace mathlings
