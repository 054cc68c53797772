// 02-multivariate-calculus/mse_gradient, wrong on purpose: returns the gradient with its sign flipped.
// A misconception variant (see specs/02-multivariate-calculus/mse_gradient.yaml): never a solution.
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::Vector2d mse_gradient(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys) {
  if (xs.size() != ys.size()) throw std::invalid_argument("xs and ys differ in size");
  if (xs.empty()) throw std::invalid_argument("no data");
  double dm = 0, dc = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double residual = ys[i] - (m * xs[i] + c);
    dm += xs[i] * residual;
    dc += residual;
  }
  const double n = static_cast<double>(xs.size());
  return {2.0 * dm / n, 2.0 * dc / n};
}

}  // namespace mathlings
