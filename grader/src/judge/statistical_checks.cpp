#include "judge/statistical_checks.hpp"

#include <algorithm>
#include <array>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <vector>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "model/value_numbers.hpp"

namespace mathlings {
namespace {

std::string text(double x) {
  return format_number(x);
}

/// The probability that a two-sided z-test at level α rejects when the
/// statistic is normal with mean `shift` and standard deviation 1.
double z_test_rejection(double alpha, double shift) {
  const boost::math::normal z;
  const double c = boost::math::quantile(boost::math::complement(z, alpha / 2));
  return boost::math::cdf(boost::math::complement(z, c - shift)) + boost::math::cdf(z, -c - shift);
}

std::optional<std::string> z_test_p_values(const List& args, const Value& actual, double k) {
  if (args.size() != 6) throw CourseError("z_test_p_values needs [seed, trials, n, true_mean, mu0, sigma]");
  const double trials = number_in(args[1]), n = number_in(args[2]), sigma = number_in(args[5]);
  if (!(trials >= 1) || !(n >= 1) || !(sigma > 0))
    throw CourseError("z_test_p_values needs trials ≥ 1, n ≥ 1 and sigma > 0 (a check that cannot fail otherwise)");
  const double shift = (number_in(args[3]) - number_in(args[4])) * std::sqrt(n) / sigma;
  const std::vector<double> p = numbers_in(actual);
  if (static_cast<double>(p.size()) != trials)
    return "expected " + text(trials) + " p-values, one per trial; got " + text(static_cast<double>(p.size()));
  for (const double value : p)
    if (!(value >= 0 && value <= 1)) return "a p-value is a probability, in [0, 1]; got " + text(value);
  for (const double alpha : std::array{0.01, 0.05, 0.1, 0.25, 0.5}) {
    double below = 0;
    for (const double value : p) below += value < alpha ? 1 : 0;
    const double rate = below / trials, expected = z_test_rejection(alpha, shift);
    // The band is the normal approximation of the binomial count: the course
    // must give it enough trials for that (about 10 expected on each side).
    if (trials * expected * (1 - expected) < 10)
      throw CourseError("z_test_p_values: " + text(trials) +
                        " trials are too few to judge a rejection probability of " + text(expected) +
                        " at α = " + text(alpha) + " (trials·r(1 − r) must be at least 10)");
    const double error = std::sqrt(expected * (1 - expected) / trials);
    if (std::abs(rate - expected) > k * error + 0.5 / trials) {
      return "the share of p-values below " + text(alpha) + " is " + text(rate) + ", but a two-sided z-test rejects " +
             (shift == 0 ? "a true H₀ at that level with probability exactly " + text(alpha) + " (p-values are uniform)"
                         : "here (shift effect·√n/σ = " + text(shift) + ") with probability " + text(expected)) +
             ": " + text(std::abs(rate - expected) / error) + " standard errors away, more than the " + text(k) +
             " allowed (one standard error is " + text(error) + " for " + text(trials) + " trials)";
    }
  }
  return std::nullopt;
}

std::optional<std::string> permutation_p_value(const List& args, const Value& expected, const Value& actual, double k) {
  if (args.size() != 4) throw CourseError("permutation_p_value needs [seed, a, b, permutations]");
  const double permutations = number_in(args[3]);
  if (!(permutations >= 1)) throw CourseError("permutation_p_value needs at least one permutation");
  const double p = number_in(actual), reference = number_in(expected);
  const double count = p * (permutations + 1);  // 1 + the permutations at least as extreme
  // (1 + k)/(1 + P) times (1 + P) is k + 1 up to a rounding or two: k/P, the
  // count without the observed arrangement, is off by k/P — far more.
  if (!std::isfinite(p) || std::abs(count - std::round(count)) > 1e-9 * std::max(1.0, count) || std::round(count) < 1 ||
      std::round(count) > permutations + 1) {
    return "a permutation p-value is (1 + k) / (1 + permutations), k the permutations at least as extreme as the "
           "observed one: times " +
           text(permutations + 1) + " it is a whole number from 1 to " + text(permutations + 1) + ", but yours, " +
           text(p) + ", gives " + text(count);
  }
  // Each estimate has a standard error √(p(1 − p)/permutations); their difference √2 times that.
  const double floor = 1 / (permutations + 1);
  const double at = std::min(std::max(reference, floor), 1 - floor);
  const double error = std::sqrt(2 * at * (1 - at) / permutations);
  if (std::abs(p - reference) > k * error + floor) {
    return "p = " + text(p) + ", but the reference's estimate from as many permutations is " + text(reference) + ": " +
           text(std::abs(p - reference) / error) + " standard errors of the difference apart, more than the " +
           text(k) + " allowed (one is " + text(error) + ")";
  }
  return std::nullopt;
}

}  // namespace

bool is_statistical_check(std::string_view name) {
  return name == "z_test_p_values" || name == "permutation_p_value";
}

std::optional<std::string> check_statistically(std::string_view name, const List& args, const Value& expected,
                                               const Value& actual, double standard_errors) {
  if (name == "z_test_p_values") return z_test_p_values(args, actual, standard_errors);
  if (name == "permutation_p_value") return permutation_p_value(args, expected, actual, standard_errors);
  throw CourseError("no statistical check named " + std::string(name));
}

}  // namespace mathlings
