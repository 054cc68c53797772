// 07-eigenvectors/covariance — see lessons/07-eigenvectors/README.md,
// section "Covariance: how variables vary together".
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X) {
  // BEGIN SOLUTION
  // > // TODO: at least 2 rows or std::invalid_argument. Subtract each
  // > // column's mean from it (centre the data), then Cᵀ·C / (n − 1) where C
  // > // is the centred matrix: entry (j, k) is Σᵢ (xᵢⱼ − x̄ⱼ)(xᵢₖ − x̄ₖ) / (n − 1).
  // > (void)X;
  // > throw not_implemented();
  if (X.rows() < 2) throw std::invalid_argument("a covariance needs at least two observations (rows)");
  // Centred first: products of deviations are small numbers, summed without
  // the cancellation Σxy − n·x̄ȳ suffers when the data sit far from 0.
  const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
  return centred.transpose() * centred / static_cast<double>(X.rows() - 1);
  // END SOLUTION
}

}  // namespace mathlings
