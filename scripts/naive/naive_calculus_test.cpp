// A typical hand-written GoogleTest file for lesson 02, as a naive runner
// would compile with every submission. For the benchmark's comparison only.
#include <gtest/gtest.h>

#include <cmath>
#include <mathlings/calculus.hpp>

namespace {

const std::vector<double> xs{1, 2, 3};
const std::vector<double> ys{3, 5, 7.5};

TEST(MseCost, PerfectLine) { EXPECT_NEAR(mathlings::mse_cost(2, 1, {0, 1, 2}, {1, 3, 5}), 0, 1e-12); }
TEST(MseCost, ThreePoints) { EXPECT_NEAR(mathlings::mse_cost(0, 0, xs, ys), 90.25 / 3, 1e-9); }
TEST(MseCost, BadSizes) {
  EXPECT_THROW(mathlings::mse_cost(1, 1, {1, 2}, {1}), std::invalid_argument);
  EXPECT_THROW(mathlings::mse_cost(1, 1, {}, {}), std::invalid_argument);
}

TEST(MseGradient, ZeroAtBestLine) {
  const Eigen::Vector2d g = mathlings::mse_gradient(2, 1, {0, 1, 2}, {1, 3, 5});
  EXPECT_NEAR(g(0), 0, 1e-12);
  EXPECT_NEAR(g(1), 0, 1e-12);
}
TEST(MseGradient, ThreePoints) {
  const Eigen::Vector2d g = mathlings::mse_gradient(0, 0, xs, ys);
  EXPECT_NEAR(g(0), -71.0 / 3, 1e-9);
  EXPECT_NEAR(g(1), -31.0 / 3, 1e-9);
}
TEST(MseGradient, BadSizes) { EXPECT_THROW(mathlings::mse_gradient(1, 1, {1, 2}, {1}), std::invalid_argument); }

TEST(NumericalGradient, Sphere) {
  const auto sphere = [](const Eigen::VectorXd& x) { return x.squaredNorm(); };
  const Eigen::VectorXd g = mathlings::numerical_gradient(sphere, Eigen::Vector3d(1, -2, 3));
  EXPECT_NEAR(g(0), 2, 1e-6);
  EXPECT_NEAR(g(1), -4, 1e-6);
  EXPECT_NEAR(g(2), 6, 1e-6);
}
TEST(NumericalGradient, Cubic) {  // a forward difference is off by about 3h here
  const auto cubic = [](const Eigen::VectorXd& x) { return x(0) * x(0) * x(0); };
  EXPECT_NEAR(mathlings::numerical_gradient(cubic, Eigen::VectorXd::Constant(1, 1.0), 1e-3)(0), 3, 1e-5);
}
TEST(NumericalJacobian, LinearMap) {
  const auto F = [](const Eigen::VectorXd& x) -> Eigen::VectorXd {
    return Eigen::Vector2d(x(0) + 2 * x(1) + 3 * x(2), x(0) - x(1) + x(2));
  };
  const Eigen::MatrixXd J = mathlings::numerical_jacobian(F, Eigen::Vector3d(1, 2, 3));
  ASSERT_EQ(J.rows(), 2);
  ASSERT_EQ(J.cols(), 3);
  EXPECT_NEAR(J(0, 2), 3, 1e-6);
  EXPECT_NEAR(J(1, 1), -1, 1e-6);
}

TEST(GradientDescent, OneStep) {
  const mathlings::LineFit fit = mathlings::gradient_descent_line(xs, ys, 0.05, 1);
  EXPECT_NEAR(fit.m, 71.0 / 60, 1e-9);
  EXPECT_NEAR(fit.c, 31.0 / 60, 1e-9);
  ASSERT_EQ(fit.cost_history.size(), 2u);
  EXPECT_NEAR(fit.cost_history[0], 90.25 / 3, 1e-9);
}
TEST(GradientDescent, Converges) {
  const mathlings::LineFit fit = mathlings::gradient_descent_line(xs, ys, 0.05, 2000);
  EXPECT_NEAR(fit.m, 2.25, 1e-6);
  EXPECT_NEAR(fit.c, 2.0 / 3, 1e-6);
  EXPECT_LT(fit.cost_history.back(), fit.cost_history.front());
}
TEST(GradientDescent, ZeroIterations) {
  const mathlings::LineFit fit = mathlings::gradient_descent_line(xs, ys, 0.1, 0, 1, 1);
  EXPECT_EQ(fit.m, 1);
  EXPECT_EQ(fit.cost_history.size(), 1u);
}

TEST(LogisticRegression, OneStepFromZero) {
  const Eigen::VectorXd beta = mathlings::fit_logistic_regression(Eigen::Vector4d(1, 2, 3, 4), {0, 0, 1, 1}, 0.1, 1);
  ASSERT_EQ(beta.size(), 2);
  EXPECT_NEAR(beta(0), 0, 1e-12);
  EXPECT_NEAR(beta(1), 0.05, 1e-12);
}
TEST(LogisticRegression, SeparatesTheClasses) {
  const Eigen::VectorXd beta = mathlings::fit_logistic_regression(Eigen::Vector4d(1, 2, 3, 4), {0, 0, 1, 1}, 0.5, 500);
  EXPECT_LT(beta(0) + beta(1) * 1, 0);
  EXPECT_GT(beta(0) + beta(1) * 4, 0);
}
TEST(LogisticRegression, BadLabels) {
  EXPECT_THROW(mathlings::fit_logistic_regression(Eigen::Vector2d(1, 2), {0, 2}, 0.1, 10), std::invalid_argument);
}

}  // namespace
