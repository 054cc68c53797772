// 01-vector-norms/normalize — see lessons/01-vector-norms/README.md.
#include <cmath>
#include <mathlings/vector_norms.hpp>

namespace mathlings {

Eigen::VectorXd normalize(const Eigen::VectorXd& x) {
  // TODO: divide by the Euclidean length; a zero vector has no direction.
  (void)x;
  throw not_implemented();
}

}  // namespace mathlings
