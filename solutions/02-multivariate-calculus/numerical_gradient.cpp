// 02-multivariate-calculus/numerical_gradient — see lessons/02-multivariate-calculus/README.md,
// section "Checking derivatives numerically".
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::VectorXd numerical_gradient(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& x,
                                   double h) {
  // BEGIN SOLUTION
  // > // TODO: for each coordinate i, (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h).
  // > (void)f, (void)x, (void)h;
  // > throw not_implemented();
  Eigen::VectorXd gradient(x.size());
  Eigen::VectorXd probe = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    probe(i) = x(i) + h;
    const double ahead = f(probe);
    probe(i) = x(i) - h;
    const double behind = f(probe);
    probe(i) = x(i);
    // Central differences: the h² error term of the forward difference cancels.
    gradient(i) = (ahead - behind) / (2 * h);
  }
  return gradient;
  // END SOLUTION
}

Eigen::MatrixXd numerical_jacobian(const std::function<Eigen::VectorXd(const Eigen::VectorXd&)>& F,
                                   const Eigen::VectorXd& x, double h) {
  // BEGIN SOLUTION
  // > // TODO: column i is (F(x + h·eᵢ) − F(x − h·eᵢ)) / (2h); one row per
  // > // output of F.
  // > (void)F, (void)x, (void)h;
  // > throw not_implemented();
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
  // END SOLUTION
}

}  // namespace mathlings
