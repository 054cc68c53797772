// 07-eigenvectors/power_iteration — see lessons/07-eigenvectors/README.md,
// section "Power iteration".
#include <cmath>
#include <mathlings/eigenvectors.hpp>
#include <string>

namespace mathlings {

EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance,
                          int max_iterations) {
  // TODO: check A is square, start has A's size and is not zero
  // (std::invalid_argument). Start from start/‖start‖ with the sign
  // convention (largest entry positive). Then for k = 1 … max_iterations:
  // multiply by A, divide by the norm, apply the sign convention; if the
  // new unit vector is within tolerance of the last (2-norm), return the
  // Rayleigh quotient vᵀAv, v and k. A·v = 0, or not converged:
  // std::domain_error.
  (void)A;
  (void)start;
  (void)tolerance;
  (void)max_iterations;
  throw not_implemented();
}

}  // namespace mathlings
