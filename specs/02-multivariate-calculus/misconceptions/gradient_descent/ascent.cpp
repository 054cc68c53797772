// 02-multivariate-calculus/gradient_descent, wrong on purpose: steps up the gradient.
// A misconception variant (see specs/02-multivariate-calculus/gradient_descent.yaml): never a solution.
#include <mathlings/calculus.hpp>

namespace mathlings {

LineFit gradient_descent_line(const std::vector<double>& xs, const std::vector<double>& ys, double learning_rate,
                              int iterations, double m0, double c0) {
  if (xs.size() != ys.size()) throw std::invalid_argument("xs and ys differ in size");
  if (xs.empty()) throw std::invalid_argument("no data");
  const double n = static_cast<double>(xs.size());
  const auto cost = [&](double m, double c) {
    double sum = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) sum += (ys[i] - (m * xs[i] + c)) * (ys[i] - (m * xs[i] + c));
    return sum / n;
  };
  LineFit fit{m0, c0, {cost(m0, c0)}};
  for (int k = 0; k < iterations; ++k) {
    double dm = 0, dc = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double residual = ys[i] - (fit.m * xs[i] + fit.c);
      dm += xs[i] * residual;
      dc += residual;
    }
    // Both parameters move with the gradient taken at the same point.
    fit.m += learning_rate * (-2.0 * dm / n);
    fit.c += learning_rate * (-2.0 * dc / n);
    fit.cost_history.push_back(cost(fit.m, fit.c));
  }
  return fit;
}

}  // namespace mathlings
