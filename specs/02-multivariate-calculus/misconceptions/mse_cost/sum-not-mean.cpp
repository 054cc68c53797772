// 02-multivariate-calculus/mse_cost, wrong on purpose: returns the sum of squared residuals.
// A misconception variant (see specs/02-multivariate-calculus/mse_cost.yaml): never a solution.
#include <mathlings/calculus.hpp>

namespace mathlings {

double mse_cost(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys) {
  if (xs.size() != ys.size()) throw std::invalid_argument("xs and ys differ in size");
  if (xs.empty()) throw std::invalid_argument("no data");
  double sum = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double residual = ys[i] - (m * xs[i] + c);
    sum += residual * residual;
  }
  return sum;
}

}  // namespace mathlings
