// 07-eigenvectors/power_iteration — see lessons/07-eigenvectors/README.md,
// section "Power iteration".
#include <cmath>
#include <mathlings/eigenvectors.hpp>
#include <string>

namespace mathlings {

EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance,
                          int max_iterations) {
  // BEGIN SOLUTION
  // > // TODO: check A is square, start has A's size and is not zero
  // > // (std::invalid_argument). Start from start/‖start‖ with the sign
  // > // convention (largest entry positive). Then for k = 1 … max_iterations:
  // > // multiply by A, divide by the norm, apply the sign convention; if the
  // > // new unit vector is within tolerance of the last (2-norm), return the
  // > // Rayleigh quotient vᵀAv, v and k. A·v = 0, or not converged:
  // > // std::domain_error.
  // > (void)A;
  // > (void)start;
  // > (void)tolerance;
  // > (void)max_iterations;
  // > throw not_implemented();
  // The sign convention: the entry of largest magnitude positive (the first such, on a tie).
  const auto with_sign_convention = [](const Eigen::VectorXd& v) -> Eigen::VectorXd {
    Eigen::Index largest = 0;
    for (Eigen::Index i = 1; i < v.size(); ++i)
      if (std::abs(v(i)) > std::abs(v(largest))) largest = i;
    return v(largest) < 0 ? Eigen::VectorXd(-v) : v;
  };
  if (A.rows() != A.cols()) throw std::invalid_argument("power iteration needs a square matrix");
  if (start.size() != A.rows()) throw std::invalid_argument("the start vector must have one entry per row of A");
  if (start.norm() == 0) throw std::invalid_argument("the start vector must not be zero");
  Eigen::VectorXd v = with_sign_convention(start / start.norm());
  for (int k = 1; k <= max_iterations; ++k) {
    const Eigen::VectorXd product = A * v;
    const double length = product.norm();
    // A·v = 0: v lies in A's null space, and no direction is left to follow.
    if (length == 0) throw std::domain_error("A maps the vector to zero: no dominant direction to follow");
    // Normalised every time: the lengths grow (or shrink) like |λ|ᵏ, and can overflow within ten steps.
    const Eigen::VectorXd next = with_sign_convention(product / length);
    if ((next - v).norm() <= tolerance) return {next.dot(A * next), next, k};
    v = next;
  }
  throw std::domain_error("power iteration did not converge in " + std::to_string(max_iterations) +
                          " iterations: is the largest eigenvalue in magnitude unique?");
  // END SOLUTION
}

}  // namespace mathlings
