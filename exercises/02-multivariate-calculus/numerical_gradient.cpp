// 02-multivariate-calculus/numerical_gradient — see lessons/02-multivariate-calculus/README.md,
// section "Checking derivatives numerically".
#include <mathlings/calculus.hpp>

namespace mathlings {

Eigen::VectorXd numerical_gradient(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& x,
                                   double h) {
  // TODO: for each coordinate i, (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h).
  (void)f, (void)x, (void)h;
  throw not_implemented();
}

Eigen::MatrixXd numerical_jacobian(const std::function<Eigen::VectorXd(const Eigen::VectorXd&)>& F,
                                   const Eigen::VectorXd& x, double h) {
  // TODO: column i is (F(x + h·eᵢ) − F(x − h·eᵢ)) / (2h); one row per
  // output of F.
  (void)F, (void)x, (void)h;
  throw not_implemented();
}

}  // namespace mathlings
