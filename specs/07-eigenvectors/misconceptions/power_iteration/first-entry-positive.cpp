// 07-eigenvectors/power_iteration, wrong on purpose: makes the first entry positive, not the largest.
// A misconception variant (see specs/07-eigenvectors/power_iteration.yaml): never a solution.
#include <cmath>
#include <mathlings/eigenvectors.hpp>
#include <string>

namespace mathlings {

EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance,
                          int max_iterations) {
  if (A.rows() != A.cols()) throw std::invalid_argument("power iteration needs a square matrix");
  if (start.size() != A.rows()) throw std::invalid_argument("the start vector must have one entry per row of A");
  if (start.norm() == 0) throw std::invalid_argument("the start vector must not be zero");
  const auto first_positive = [](const Eigen::VectorXd& v) { return v(0) < 0 ? Eigen::VectorXd(-v) : v; };
  Eigen::VectorXd v = first_positive(start / start.norm());
  for (int k = 1; k <= max_iterations; ++k) {
    const Eigen::VectorXd product = A * v;
    const Eigen::VectorXd next = first_positive(product / product.norm());
    if ((next - v).norm() <= tolerance) return {next.dot(A * next), next, k};
    v = next;
  }
  throw std::domain_error("power iteration did not converge in " + std::to_string(max_iterations) + " iterations");
}

}  // namespace mathlings
