// 02-multivariate-calculus/gradient_descent — see lessons/02-multivariate-calculus/README.md,
// section "Gradient descent".
#include <mathlings/calculus.hpp>

namespace mathlings {

LineFit gradient_descent_line(const std::vector<double>& xs, const std::vector<double>& ys, double learning_rate,
                              int iterations, double m0, double c0) {
  // TODO: start at (m0, c0) and record J there; then, `iterations` times,
  // step against the gradient of J — (m, c) −= learning_rate · ∇J — and
  // record J after each step.
  (void)xs, (void)ys, (void)learning_rate, (void)iterations, (void)m0, (void)c0;
  throw not_implemented();
}

}  // namespace mathlings
