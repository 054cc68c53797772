// 05-p-values/power — see lessons/05-p-values/README.md, section "Power: the chance of seeing a real effect".
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

double z_test_power(double effect, double sigma, std::size_t n, double alpha, Tail tail) {
  // TODO: n ≥ 2, sigma > 0 and 0 < alpha < 1, or std::invalid_argument.
  // Under the alternative the z statistic is normal with mean
  // shift = effect·√n / sigma and standard deviation 1. Find the critical
  // value of the test (alpha/2 in each tail when two-sided) and add up
  // the probability of every rejecting region under N(shift, 1).
  (void)effect, (void)sigma, (void)n, (void)alpha, (void)tail;
  throw not_implemented();
}

double t_test_power(double effect, double sd, std::size_t n, double alpha, Tail tail) {
  // TODO: the same checks. Under the alternative the t statistic follows
  // the noncentral t distribution with n − 1 degrees of freedom and
  // noncentrality effect·√n / sd (boost::math::non_central_t); the critical
  // values come from the central t (boost::math::students_t), alpha/2 in
  // each tail when two-sided, and both tails count.
  (void)effect, (void)sd, (void)n, (void)alpha, (void)tail;
  throw not_implemented();
}

}  // namespace mathlings
