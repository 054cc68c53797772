// The checks of random results: right answers drawn from any stream pass,
// and the usual wrong ones fail with a message that says by how much.
#include "judge/statistical_checks.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/errors.hpp"
#include "judge/random.hpp"

namespace mathlings {
namespace {

/// `trials` two-sided z-test p-values of samples of n from N(true_mean, σ²) against mu0,
/// drawn from the grader's own generator (another stream than any learner's).
std::vector<double> simulated_p_values(std::uint64_t seed, int trials, int n, double true_mean, double mu0,
                                       double sigma, bool one_sided = false) {
  Random random(seed);
  std::vector<double> p;
  for (int t = 0; t < trials; ++t) {
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += true_mean + sigma * random.normal();
    const double z = (sum / n - mu0) / (sigma / std::sqrt(n));
    p.push_back(one_sided ? 0.5 * std::erfc(z / std::sqrt(2.0)) : std::erfc(std::abs(z) / std::sqrt(2.0)));
  }
  return p;
}

List args(int trials, int n, double true_mean, double mu0, double sigma) {
  return List{Value(std::int64_t{1}),
              Value(std::int64_t{trials}),
              Value(std::int64_t{n}),
              Value(true_mean),
              Value(mu0),
              Value(sigma)};
}

std::optional<std::string> check_p_values(const List& a, const std::vector<double>& p) {
  return check_statistically("z_test_p_values", a, Value(p), Value(p), 4);
}

TEST(StatisticalChecks, PValuesUnderTheNullAreUniformFromAnyStream) {
  for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    EXPECT_EQ(check_p_values(args(4000, 10, 5, 5, 2), simulated_p_values(seed, 4000, 10, 5, 5, 2)), std::nullopt);
  }
}

TEST(StatisticalChecks, PValuesUnderAnAlternativeRejectAsOftenAsThePowerSays) {
  // shift = 0.5·√16 / 1 = 2: the test rejects at α = 0.05 with probability about 0.516.
  for (const std::uint64_t seed : {7u, 8u, 9u}) {
    EXPECT_EQ(check_p_values(args(4000, 16, 10.5, 10, 1), simulated_p_values(seed, 4000, 16, 10.5, 10, 1)),
              std::nullopt);
  }
  const auto one_sided =
      check_p_values(args(4000, 16, 10.5, 10, 1), simulated_p_values(7, 4000, 16, 10.5, 10, 1, true));
  ASSERT_TRUE(one_sided.has_value());
  EXPECT_NE(one_sided->find("standard errors away"), std::string::npos) << *one_sided;
}

TEST(StatisticalChecks, PValuesThatAreNotUniformUnderTheNullFail) {
  const std::vector<double> halves(2000, 0.5);
  const auto message = check_p_values(args(2000, 10, 0, 0, 1), halves);
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("share of p-values below 0.01 is 0, but a two-sided z-test rejects a true H₀ at that level "
                          "with probability exactly 0.01"),
            std::string::npos)
      << *message;
  // A z statistic from the sample's standard deviation (a t statistic read as z) rejects too often when n is small.
  Random random(3);
  std::vector<double> with_s;
  for (int t = 0; t < 2000; ++t) {
    std::vector<double> xs(5);
    double sum = 0;
    for (double& x : xs) sum += x = random.normal();
    const double mean = sum / 5;
    double squares = 0;
    for (const double x : xs) squares += (x - mean) * (x - mean);
    with_s.push_back(std::erfc(std::abs(mean / std::sqrt(squares / 4 / 5)) / std::sqrt(2.0)));
  }
  EXPECT_TRUE(check_p_values(args(2000, 5, 0, 0, 1), with_s).has_value());
}

TEST(StatisticalChecks, TheNumberAndRangeOfPValuesAreChecked) {
  using Message = std::optional<std::string>;
  EXPECT_EQ(check_p_values(args(3, 10, 0, 0, 1), {0.1, 0.2}), Message("expected 3 p-values, one per trial; got 2"));
  EXPECT_EQ(check_p_values(args(2, 10, 0, 0, 1), {0.1, 1.5}),
            Message("a p-value is a probability, in [0, 1]; got 1.5"));
  EXPECT_TRUE(check_p_values(args(2, 10, 0, 0, 1), {0.1, NAN}).has_value());
}

List permutation_args(int permutations) {
  return List{Value(std::int64_t{1}), Value(std::vector<double>{1, 2}), Value(std::vector<double>{3, 4}),
              Value(std::int64_t{permutations})};
}

std::optional<std::string> check_permutation(int permutations, double reference, double p) {
  return check_statistically("permutation_p_value", permutation_args(permutations), Value(reference), Value(p), 4);
}

TEST(StatisticalChecks, APermutationPValueCountsTheObservedStatisticAndIsNearTheReferences) {
  EXPECT_EQ(check_permutation(999, 0.05, 0.05), std::nullopt);
  EXPECT_EQ(check_permutation(999, 0.05, 0.061), std::nullopt);   // (1 + 60)/1000, within the noise
  EXPECT_EQ(check_permutation(999, 0.001, 0.001), std::nullopt);  // none as extreme: 1/1000
  // Forgetting the observed statistic: k / permutations, not (1 + k)/(1 + permutations).
  const auto forgot = check_permutation(999, 0.05, 49.0 / 999);
  ASSERT_TRUE(forgot.has_value());
  EXPECT_NE(forgot->find("whole number from 1 to 1000"), std::string::npos) << *forgot;
  EXPECT_TRUE(check_permutation(999, 0.05, 0.0).has_value());  // 0 is never a permutation p-value
  for (const int permutations : {1999, 9999, 99999}) {  // k/P is off the lattice by k/P, however many permutations
    EXPECT_TRUE(check_permutation(permutations, 1.0 / (permutations + 1), 1.0 / permutations).has_value())
        << permutations;
    EXPECT_EQ(check_permutation(permutations, 1.0 / (permutations + 1), 2.0 / (permutations + 1)), std::nullopt)
        << permutations;
  }
  const auto far = check_permutation(999, 0.05, 0.2);
  ASSERT_TRUE(far.has_value());
  EXPECT_NE(far->find("standard errors of the difference apart"), std::string::npos) << *far;
}

TEST(StatisticalChecks, ArgumentsOfTheWrongShapeAreTheCoursesFault) {
  EXPECT_THROW(check_statistically("z_test_p_values", List{}, Value(0.5), Value(0.5), 4), CourseError);
  // Arguments with which the check could not fail: σ = 0, no trials, too few trials for the approximation.
  EXPECT_THROW(check_p_values(args(100, 10, 0, 0, 0), std::vector<double>(100, 0.5)), CourseError);
  EXPECT_THROW(check_p_values(args(0, 10, 0, 0, 1), {}), CourseError);
  EXPECT_THROW(check_p_values(args(100, 10, 0, 0, 1), std::vector<double>(100, 0.5)),
               CourseError);  // 100·0.01·0.99 < 10
  EXPECT_THROW(check_permutation(0, 0.5, 0.5), CourseError);
  EXPECT_THROW(check_statistically("no_such_check", List{}, Value(0.5), Value(0.5), 4), CourseError);
  EXPECT_TRUE(is_statistical_check("permutation_p_value"));
  EXPECT_FALSE(is_statistical_check("solves_system"));
}

}  // namespace
}  // namespace mathlings
