// 04-statistics/t_tests — see lessons/04-statistics/README.md, section "t-tests".
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

TestResult one_sample_t_test(const std::vector<double>& xs, double mu0, Tail tail) {
  // TODO: std::invalid_argument for fewer than two values. t = (mean − mu0)
  // / (s/√n) with the sample standard deviation s, n − 1 degrees of freedom,
  // and the p-value from Student's t (boost::math::students_t; cdf, and
  // cdf(complement(…)) for upper tails — 1 − cdf loses small p-values).
  (void)xs, (void)mu0, (void)tail;
  throw not_implemented();
}

TestResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail) {
  // TODO: t = (mean_a − mean_b) / √(s_a²/n_a + s_b²/n_b) and the
  // Welch–Satterthwaite degrees of freedom
  // (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)).
  (void)a, (void)b, (void)tail;
  throw not_implemented();
}

TestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail) {
  // TODO: the samples must have the same size (std::invalid_argument
  // otherwise); a one-sample t-test of the differences aᵢ − bᵢ against 0.
  (void)a, (void)b, (void)tail;
  throw not_implemented();
}

}  // namespace mathlings
