// 07-eigenvectors/covariance, wrong on purpose: multiplies the raw data, not their deviations from the means.
// A misconception variant (see specs/07-eigenvectors/covariance.yaml): never a solution.
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X) {
  if (X.rows() < 2) throw std::invalid_argument("a covariance needs at least two observations (rows)");
  return X.transpose() * X / static_cast<double>(X.rows() - 1);
}

}  // namespace mathlings
