// 02-multivariate-calculus/mse_gradient — see lessons/02-multivariate-calculus/README.md,
// section "Partial derivatives".
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::Vector2d mse_gradient(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys) {
  // TODO: ∂J/∂m = −(2/n) Σ xᵢ·rᵢ and ∂J/∂c = −(2/n) Σ rᵢ, where
  // rᵢ = yᵢ − (m·xᵢ + c). Same size checks as mse_cost.
  (void)m, (void)c, (void)xs, (void)ys;
  throw not_implemented();
}

}  // namespace mathlings
