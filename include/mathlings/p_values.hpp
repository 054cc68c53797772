// Lesson 05 — what a p-value is, by simulation. Declares every function the
// lesson's exercises ask for; each exercise file defines some of them inside
// namespace mathlings. The standard library, <Eigen/Core> and Boost.Math's
// distributions may be used.
#pragma once

#include <cmath>
#include <cstdint>
#include <mathlings/tail.hpp>
#include <numbers>
#include <stdexcept>
#include <vector>

#ifndef MATHLINGS_NOT_IMPLEMENTED_DEFINED
#define MATHLINGS_NOT_IMPLEMENTED_DEFINED
namespace mathlings {
/// What an untouched stub throws. Replace the `throw` with your code.
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings
#endif

namespace mathlings {

/// The course's random source: the same numbers from the same seed on every
/// compiler and standard library (std::normal_distribution's are not: each
/// library draws normals its own way). Its algorithm is fixed:
///   - next(): splitmix64 — state += 0x9e3779b97f4a7c15, then the result is
///     the state mixed by two xor-shift-multiplies and a final xor-shift;
///   - uniform(): the top 53 bits of next(), times 2⁻⁵³: a double in [0, 1);
///   - normal(): Box–Muller, √(−2 ln u₁) · cos(2π u₂), with u₁ = 1 − uniform()
///     (in (0, 1], so the logarithm is finite) drawn first, then
///     u₂ = uniform(); the second normal the method could give is not used;
///   - below(n): ⌊uniform() · n⌋, uniform in {0, …, n − 1}; n = 0 throws
///     std::invalid_argument.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double normal() {
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  std::size_t below(std::size_t n) {
    if (n == 0) throw std::invalid_argument("below(0): there is no number below 0 to draw");
    return static_cast<std::size_t>(uniform() * static_cast<double>(n));
  }

 private:
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_;
};

/// simulate_p_values: `trials` simulated experiments; each draws n values
/// true_mean + sigma · rng.normal() and gives the two-sided z-test p-value of
/// their mean against mu0, σ known: z = (x̄ − mu0)/(sigma/√n), p =
/// erfc(|z|/√2). Graded statistically, never against one stream of numbers:
/// for α = 0.01, 0.05, 0.1, 0.25 and 0.5, the share of the p-values below α
/// must be within 5·√(r(1 − r)/trials) of r, the two-sided z-test's
/// rejection probability (r = α when true_mean = mu0). Throws
/// std::invalid_argument for trials < 0, n = 0 or sigma ≤ 0.
std::vector<double> simulate_p_values(Random& rng, int trials, std::size_t n, double true_mean, double mu0,
                                      double sigma);
/// rejection_rate: the fraction of the p-values below alpha (p < α, not ≤).
/// Throws std::invalid_argument for an empty list.
double rejection_rate(const std::vector<double>& p_values, double alpha);

/// power: the probability that a test at level alpha rejects H₀: μ = μ₀ when
/// the true mean is μ₀ + effect, for n observations of standard deviation
/// sigma (known: the z-test) or sd (estimated: the one-sample t-test). A
/// two-sided test rejects in either tail, at alpha/2 each, and both tails
/// count (R's power.t.test(type = "one.sample", strict = TRUE)); less rejects
/// for small statistics, greater for large ones. The t version uses the
/// noncentral t distribution with n − 1 degrees of freedom and noncentrality
/// effect·√n / sd (boost::math::non_central_t). Throws std::invalid_argument
/// for n < 2, a standard deviation ≤ 0 or alpha outside (0, 1).
double z_test_power(double effect, double sigma, std::size_t n, double alpha, Tail tail);
double t_test_power(double effect, double sd, std::size_t n, double alpha, Tail tail);

/// p_adjust: adjusted p-values for m tests, in the input's order, as R's
/// p.adjust computes them. With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted ascending:
///   - bonferroni: min(1, m · pᵢ);
///   - holm: p₍ᵢ₎ times (m − i + 1), i = 1…m, then the running maximum from
///     the smallest up (an adjusted p-value never falls below a smaller
///     one's), capped at 1;
///   - benjamini_hochberg: p₍ᵢ₎ · m / i, then the running minimum from the
///     largest down, capped at 1.
/// Ties keep their order. Throws std::invalid_argument if a p is outside
/// [0, 1] (NaN included). An empty input gives an empty result.
enum class Adjustment { bonferroni, holm, benjamini_hochberg };
std::vector<double> p_adjust(const std::vector<double>& p, Adjustment method);

/// bootstrap: the percentile bootstrap interval for the mean of xs. Each of
/// the B = `resamples` resamples draws n = xs.size() values with
/// replacement, each xs[rng.below(n)], and takes their mean; with the means
/// sorted, m[0] ≤ … ≤ m[B − 1], the bounds are the (1 − level)/2 and
/// (1 + level)/2 quantiles by linear interpolation between order statistics
/// (R's quantile type 7): for q, h = (B − 1)·q, and
/// m[⌊h⌋] + (h − ⌊h⌋)·(m[⌊h⌋ + 1] − m[⌊h⌋]) (with B = 1 both bounds are
/// m[0]). Graded against the reference within 4 standard errors of the
/// quantiles' own Monte Carlo noise: drawing in another order is just as
/// right and passes. Throws std::invalid_argument for n < 2, level outside
/// (0, 1) or resamples < 1.
struct Interval {
  double lower;
  double upper;
};
Interval bootstrap_mean_interval(Random& rng, const std::vector<double>& xs, double level, int resamples);

/// permutation_test: the two-sided permutation-test p-value for the
/// difference of means T = mean(a) − mean(b). Pool a and b (a first); each of
/// the `permutations` permutations shuffles the pool in place, without
/// restoring it between permutations, by Fisher–Yates (for i from the last
/// index down to 1, swap entries i and rng.below(i + 1)), and takes the first
/// |a| as a, the rest as b. Count the permutations whose |T*| ≥ |T_observed|
/// (with a relative tolerance of 1e-12: |T*| ≥ |T_observed|·(1 − 1e-12)); the
/// p-value is (1 + count)/(1 + permutations) — the observed arrangement is
/// one of those possible, so p is never 0. Graded statistically: p·(1 +
/// permutations) must be a whole number from 1 to 1 + permutations, and p
/// within 4 standard errors of the reference's estimate; restarting each
/// shuffle from a-then-b, or drawing in another order, is just as right and
/// passes. Throws std::invalid_argument if a sample is empty or
/// permutations < 1.
double permutation_p_value(Random& rng, const std::vector<double>& a, const std::vector<double>& b, int permutations);

}  // namespace mathlings
