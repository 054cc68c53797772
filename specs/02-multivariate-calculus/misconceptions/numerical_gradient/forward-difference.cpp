// 02-multivariate-calculus/numerical_gradient, wrong on purpose: uses the forward difference.
// A misconception variant (see specs/02-multivariate-calculus/numerical_gradient.yaml): never a solution.
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::VectorXd numerical_gradient(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& x,
                                   double h) {
  Eigen::VectorXd gradient(x.size());
  Eigen::VectorXd probe = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    probe(i) = x(i) + h;
    const double ahead = f(probe);
    probe(i) = x(i);
    gradient(i) = (ahead - f(probe)) / h;
  }
  return gradient;
}

Eigen::MatrixXd numerical_jacobian(const std::function<Eigen::VectorXd(const Eigen::VectorXd&)>& F,
                                   const Eigen::VectorXd& x, double h) {
  const Eigen::Index outputs = F(x).size();
  Eigen::MatrixXd jacobian(outputs, x.size());
  Eigen::VectorXd probe = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    probe(i) = x(i) + h;
    const Eigen::VectorXd ahead = F(probe);
    probe(i) = x(i) - h;
    const Eigen::VectorXd behind = F(probe);
    probe(i) = x(i);
    jacobian.col(i) = (ahead - behind) / (2 * h);
  }
  return jacobian;
}

}  // namespace mathlings
