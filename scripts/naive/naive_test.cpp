// A typical hand-written GoogleTest file for lesson 01, as a naive runner
// would compile with every submission. For the benchmark's comparison only.
#include <gtest/gtest.h>

#include <mathlings/linear_algebra.hpp>

namespace {

Eigen::MatrixXd m2(double a, double b, double c, double d) {
  Eigen::MatrixXd m(2, 2);
  m << a, b, c, d;
  return m;
}

TEST(Elimination, WorkedExample) {
  const Eigen::VectorXd x = mathlings::solve_by_elimination(m2(1, 2, 2, 5), Eigen::Vector2d(18, 45));
  EXPECT_NEAR(x(0), 0, 1e-9);
  EXPECT_NEAR(x(1), 9, 1e-9);
}
TEST(Elimination, ZeroPivot) {
  const Eigen::VectorXd x = mathlings::solve_by_elimination(m2(0, 1, 1, 1), Eigen::Vector2d(2, 3));
  EXPECT_NEAR(x(0), 1, 1e-9);
}
TEST(Elimination, Singular) {
  EXPECT_THROW(mathlings::solve_by_elimination(m2(1, 2, 2, 4), Eigen::Vector2d(3, 6)), std::domain_error);
}
TEST(RowEchelon, Rank) { EXPECT_EQ(mathlings::rank(m2(1, 2, 2, 4)), 1); }
TEST(Determinant, TwoByTwo) { EXPECT_NEAR(mathlings::determinant(m2(1, 2, 2, 5)), 1, 1e-9); }
TEST(Determinant, Swap) { EXPECT_NEAR(mathlings::determinant(m2(0, 1, 1, 0)), -1, 1e-9); }
TEST(Inverse, TwoByTwo) { EXPECT_NEAR(mathlings::inverse(m2(1, 2, 2, 5))(0, 0), 5, 1e-9); }
TEST(LeastSquares, Line) {
  Eigen::MatrixXd X(4, 2);
  X << 1, 1, 1, 2, 1, 3, 1, 4;
  Eigen::VectorXd y(4);
  y << 6, 5, 7, 10;
  EXPECT_NEAR(mathlings::least_squares(X, y)(1), 1.4, 1e-9);
}

}  // namespace
