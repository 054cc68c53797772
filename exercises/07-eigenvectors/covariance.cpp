// 07-eigenvectors/covariance — see lessons/07-eigenvectors/README.md,
// section "Covariance: how variables vary together".
#include <mathlings/eigenvectors.hpp>

namespace mathlings {

Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X) {
  // TODO: at least 2 rows or std::invalid_argument. Subtract each
  // column's mean from it (centre the data), then Cᵀ·C / (n − 1) where C
  // is the centred matrix: entry (j, k) is Σᵢ (xᵢⱼ − x̄ⱼ)(xᵢₖ − x̄ₖ) / (n − 1).
  (void)X;
  throw not_implemented();
}

}  // namespace mathlings
