// 07-eigenvectors/power_iteration, wrong on purpose: multiplies on without normalising the vector.
// A misconception variant (see specs/07-eigenvectors/power_iteration.yaml): never a solution.
#include <cmath>
#include <mathlings/eigenvectors.hpp>
#include <string>

namespace mathlings {
namespace {

Eigen::VectorXd with_sign_convention(const Eigen::VectorXd& v) {
  Eigen::Index largest = 0;
  for (Eigen::Index i = 1; i < v.size(); ++i)
    if (std::abs(v(i)) > std::abs(v(largest))) largest = i;
  return v(largest) < 0 ? Eigen::VectorXd(-v) : v;
}

}  // namespace

EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance,
                          int max_iterations) {
  if (A.rows() != A.cols()) throw std::invalid_argument("power iteration needs a square matrix");
  if (start.size() != A.rows()) throw std::invalid_argument("the start vector must have one entry per row of A");
  if (start.norm() == 0) throw std::invalid_argument("the start vector must not be zero");
  Eigen::VectorXd w = start;  // never normalised: its length grows like λᵏ
  Eigen::VectorXd v = with_sign_convention(start / start.norm());
  for (int k = 1; k <= max_iterations; ++k) {
    w = A * w;
    const Eigen::VectorXd next = with_sign_convention(w / w.norm());
    if ((next - v).norm() <= tolerance) return {next.dot(A * next), next, k};
    v = next;
  }
  throw std::domain_error("power iteration did not converge in " + std::to_string(max_iterations) + " iterations");
}

}  // namespace mathlings
