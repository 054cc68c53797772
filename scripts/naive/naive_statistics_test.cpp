// A typical hand-written GoogleTest file for lesson 04, as a naive runner
// would compile with every submission. For the benchmark's comparison only.
#include <gtest/gtest.h>

#include <cmath>
#include <mathlings/statistics.hpp>

namespace {

using mathlings::Tail;

TEST(Describe, EvenSample) {
  const mathlings::Summary s = mathlings::describe({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_NEAR(s.mean, 5, 1e-12);
  EXPECT_NEAR(s.median, 4.5, 1e-12);
  EXPECT_NEAR(s.variance, 32.0 / 7, 1e-12);
  EXPECT_NEAR(s.stddev, std::sqrt(32.0 / 7), 1e-12);
  EXPECT_EQ(s.min, 2);
  EXPECT_EQ(s.max, 9);
}
TEST(Describe, OddUnsorted) { EXPECT_EQ(mathlings::describe({3, 1, 2}).median, 2); }
TEST(Describe, LargeOffset) {
  EXPECT_NEAR(mathlings::describe({1e7 + 0.1, 1e7 + 0.3, 1e7 + 0.5, 1e7 + 0.7}).variance, 0.2 / 3, 1e-8);
}
TEST(Describe, TooFew) { EXPECT_THROW(mathlings::describe({42}), std::invalid_argument); }

TEST(ZTest, TwoSided) { EXPECT_NEAR(mathlings::z_test_p_value(103, 100, 15, 36, Tail::two_sided), 0.2301393404434166, 1e-12); }
TEST(ZTest, OneSided) {
  EXPECT_NEAR(mathlings::z_test_p_value(103, 100, 15, 36, Tail::greater), 0.1150696702217083, 1e-12);
  EXPECT_NEAR(mathlings::z_test_p_value(103, 100, 15, 36, Tail::less), 0.8849303297782917, 1e-12);
}
TEST(ZTest, TinyPValue) {
  EXPECT_NEAR(mathlings::z_test_p_value(130, 100, 15, 36, Tail::greater) / 1.776482112077702e-33, 1, 1e-9);
}
TEST(ZTest, BadSigma) { EXPECT_THROW(mathlings::z_test_p_value(1, 0, 0, 10, Tail::less), std::invalid_argument); }

// R's sleep data: extra hours of sleep under two drugs.
const std::vector<double> drug1{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
const std::vector<double> drug2{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

TEST(TTests, Welch) {
  const mathlings::TestResult r = mathlings::welch_t_test(drug1, drug2, Tail::two_sided);
  EXPECT_NEAR(r.statistic, -1.860813467486853, 1e-9);
  EXPECT_NEAR(r.df, 17.77647351617849, 1e-9);
  EXPECT_NEAR(r.p_value, 0.07939414018735814, 1e-9);
}
TEST(TTests, Paired) {
  const mathlings::TestResult r = mathlings::paired_t_test(drug1, drug2, Tail::two_sided);
  EXPECT_NEAR(r.statistic, -4.062127683382036, 1e-9);
  EXPECT_EQ(r.df, 9);
  EXPECT_NEAR(r.p_value, 0.002832890197384273, 1e-9);
}
TEST(TTests, OneSampleTails) {
  const std::vector<double> xs{5.1, 4.9, 5.6, 5.8, 6.0, 5.4, 5.3};
  const double two = mathlings::one_sample_t_test(xs, 5, Tail::two_sided).p_value;
  const double greater = mathlings::one_sample_t_test(xs, 5, Tail::greater).p_value;
  const double less = mathlings::one_sample_t_test(xs, 5, Tail::less).p_value;
  EXPECT_EQ(mathlings::one_sample_t_test(xs, 5, Tail::two_sided).df, 6);
  EXPECT_NEAR(two, 2 * greater, 1e-12);
  EXPECT_NEAR(greater + less, 1, 1e-12);
}
TEST(TTests, UnequalPairs) {
  EXPECT_THROW(mathlings::paired_t_test({1, 2, 3}, {1, 2}, Tail::two_sided), std::invalid_argument);
}

TEST(Regression, SimpleLine) {
  const mathlings::Regression fit =
      mathlings::linear_regression(Eigen::VectorXd::LinSpaced(5, 1, 5), (Eigen::VectorXd(5) << 2, 4, 5, 4, 5).finished());
  EXPECT_NEAR(fit.beta(0), 2.2, 1e-9);
  EXPECT_NEAR(fit.beta(1), 0.6, 1e-9);
  EXPECT_NEAR(fit.std_error(1), std::sqrt(0.08), 1e-9);
  EXPECT_NEAR(fit.p_value(1), 0.12402706265755459, 1e-9);
  EXPECT_NEAR(fit.residual_sd, std::sqrt(0.8), 1e-9);
  EXPECT_NEAR(fit.r_squared, 0.6, 1e-9);
}
TEST(Regression, ExactFit) {
  Eigen::MatrixXd X(4, 2);
  X << 1, 0, 2, 1, 3, 0, 4, 1;
  const mathlings::Regression fit = mathlings::linear_regression(X, Eigen::Vector4d(3.5, 6, 7.5, 10));
  EXPECT_NEAR(fit.beta(0), 1.5, 1e-9);
  EXPECT_NEAR(fit.beta(1), 2, 1e-9);
  EXPECT_NEAR(fit.beta(2), 0.5, 1e-9);
  EXPECT_NEAR(fit.r_squared, 1, 1e-9);
}
TEST(Regression, TooFewRows) {
  EXPECT_THROW(mathlings::linear_regression(Eigen::Vector2d(1, 2), Eigen::Vector2d(1, 2)), std::invalid_argument);
}

}  // namespace
