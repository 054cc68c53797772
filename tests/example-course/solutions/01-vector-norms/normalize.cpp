// 01-vector-norms/normalize — see lessons/01-vector-norms/README.md.
#include <cmath>
#include <mathlings/vector_norms.hpp>

namespace mathlings {

Eigen::VectorXd normalize(const Eigen::VectorXd& x) {
  // BEGIN SOLUTION
  // > // TODO: divide by the Euclidean length; a zero vector has no direction.
  // > (void)x;
  // > throw not_implemented();
  const double length = x.stableNorm();  // scaled like l2_norm: norm() would overflow on 1e200
  if (length == 0) throw std::domain_error("the zero vector has no direction");
  return x / length;
  // END SOLUTION
}

}  // namespace mathlings
