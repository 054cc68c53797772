// 02-multivariate-calculus/mse_cost — see lessons/02-multivariate-calculus/README.md,
// section "The cost of a line".
#include <mathlings/calculus.hpp>

namespace mathlings {

double mse_cost(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys) {
  // BEGIN SOLUTION
  // > // TODO: check that the sizes match and are not zero, then average the
  // > // squared residuals yᵢ − (m·xᵢ + c).
  // > (void)m, (void)c, (void)xs, (void)ys;
  // > throw not_implemented();
  if (xs.size() != ys.size()) throw std::invalid_argument("xs and ys differ in size");
  if (xs.empty()) throw std::invalid_argument("no data");
  double sum = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double residual = ys[i] - (m * xs[i] + c);
    sum += residual * residual;
  }
  return sum / static_cast<double>(xs.size());
  // END SOLUTION
}

}  // namespace mathlings
