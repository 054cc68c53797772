// A typical hand-written GoogleTest file for lesson 03, as a naive runner
// would compile with every submission. For the benchmark's comparison only.
#include <gtest/gtest.h>

#include <cmath>
#include <mathlings/probability.hpp>

namespace {

TEST(Bayes, RareCondition) { EXPECT_NEAR(mathlings::bayes_posterior(0.01, 0.8, 0.096), 0.008 / 0.10304, 1e-12); }
TEST(Bayes, ShyFriend) { EXPECT_NEAR(mathlings::bayes_posterior(0.2, 0.75, 0.3), 5.0 / 13, 1e-12); }
TEST(Bayes, CertainPrior) { EXPECT_EQ(mathlings::bayes_posterior(0, 0.5, 0.5), 0); }
TEST(Bayes, Invalid) {
  EXPECT_THROW(mathlings::bayes_posterior(1.5, 0.5, 0.5), std::invalid_argument);
  EXPECT_THROW(mathlings::bayes_posterior(0.5, 0, 0), std::invalid_argument);
}

TEST(SequentialBayes, ShyFriendTwice) {
  const std::vector<double> beliefs = mathlings::sequential_bayes(0.2, {true, true}, 0.75, 0.3);
  ASSERT_EQ(beliefs.size(), 2u);
  EXPECT_NEAR(beliefs[0], 5.0 / 13, 1e-12);
  EXPECT_NEAR(beliefs[1], 25.0 / 41, 1e-12);
}
TEST(SequentialBayes, NotObserved) {
  const std::vector<double> beliefs = mathlings::sequential_bayes(0.5, {false}, 0.8, 0.4);
  ASSERT_EQ(beliefs.size(), 1u);
  EXPECT_NEAR(beliefs[0], 0.25, 1e-12);
}
TEST(SequentialBayes, NoObservations) { EXPECT_TRUE(mathlings::sequential_bayes(0.3, {}, 0.8, 0.1).empty()); }
TEST(SequentialBayes, Invalid) {
  EXPECT_THROW(mathlings::sequential_bayes(1.2, {true}, 0.8, 0.1), std::invalid_argument);
}

TEST(Distributions, Bernoulli) {
  EXPECT_NEAR(mathlings::bernoulli_pmf(1, 0.3), 0.3, 1e-15);
  EXPECT_NEAR(mathlings::bernoulli_pmf(0, 0.3), 0.7, 1e-15);
  EXPECT_THROW(mathlings::bernoulli_pmf(2, 0.5), std::invalid_argument);
}
TEST(Distributions, GaussianPdf) {
  EXPECT_NEAR(mathlings::gaussian_pdf(0, 0, 1), 1 / std::sqrt(2 * M_PI), 1e-15);
  EXPECT_THROW(mathlings::gaussian_pdf(0, 0, 0), std::invalid_argument);
}
TEST(Distributions, GaussianCdf) {
  EXPECT_NEAR(mathlings::gaussian_cdf(1.96, 0, 1), 0.9750021048517795, 1e-12);
  EXPECT_NEAR(mathlings::gaussian_cdf(100, 100, 15), 0.5, 1e-15);
}
TEST(Distributions, FarLeftTail) {
  EXPECT_NEAR(mathlings::gaussian_cdf(-10, 0, 1) / 7.619853024160527e-24, 1, 1e-10);
}

TEST(NaiveBayes, FitOneFeature) {
  Eigen::MatrixXd X(6, 1);
  X << 1, 2, 3, 6, 7, 8;
  const mathlings::GaussianNaiveBayes model = mathlings::fit_gaussian_nb(X, {0, 0, 0, 1, 1, 1});
  EXPECT_EQ(model.classes, (std::vector<int>{0, 1}));
  EXPECT_NEAR(model.log_priors(0), std::log(0.5), 1e-12);
  EXPECT_NEAR(model.means(1, 0), 7, 1e-12);
  EXPECT_NEAR(model.variances(0, 0), 2.0 / 3, 1e-6);
}
TEST(NaiveBayes, ClassesSorted) {
  Eigen::MatrixXd X(6, 2);
  X << 1, 2, 2, 1, 5, 5, 6, 5, 0, 9, 1, 8;
  const mathlings::GaussianNaiveBayes model = mathlings::fit_gaussian_nb(X, {3, 3, 1, 1, 2, 2});
  EXPECT_EQ(model.classes, (std::vector<int>{1, 2, 3}));
  EXPECT_NEAR(model.means(0, 0), 5.5, 1e-12);
}
TEST(NaiveBayes, Predict) {
  Eigen::MatrixXd X(6, 2);
  X << 1, 2, 2, 1, 5, 5, 6, 5, 0, 9, 1, 8;
  const mathlings::GaussianNaiveBayes model = mathlings::fit_gaussian_nb(X, {3, 3, 1, 1, 2, 2});
  Eigen::MatrixXd points(3, 2);
  points << 1.5, 1.5, 5.5, 5, 0.5, 8.5;
  EXPECT_EQ(mathlings::predict_gaussian_nb(model, points), (std::vector<int>{3, 1, 2}));
}

}  // namespace
