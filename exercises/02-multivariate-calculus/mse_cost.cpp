// 02-multivariate-calculus/mse_cost — see lessons/02-multivariate-calculus/README.md,
// section "The cost of a line".
#include <mathlings/calculus.hpp>

namespace mathlings {

double mse_cost(double m, double c, const std::vector<double>& xs, const std::vector<double>& ys) {
  // TODO: check that the sizes match and are not zero, then average the
  // squared residuals yᵢ − (m·xᵢ + c).
  (void)m, (void)c, (void)xs, (void)ys;
  throw not_implemented();
}

}  // namespace mathlings
