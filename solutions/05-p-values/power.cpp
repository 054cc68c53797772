// 05-p-values/power — see lessons/05-p-values/README.md, section "Power: the chance of seeing a real effect".
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

double z_test_power(double effect, double sigma, std::size_t n, double alpha, Tail tail) {
  // BEGIN SOLUTION
  // > // TODO: n ≥ 2, sigma > 0 and 0 < alpha < 1, or std::invalid_argument.
  // > // Under the alternative the z statistic is normal with mean
  // > // shift = effect·√n / sigma and standard deviation 1. Find the critical
  // > // value of the test (alpha/2 in each tail when two-sided) and add up
  // > // the probability of every rejecting region under N(shift, 1).
  // > (void)effect, (void)sigma, (void)n, (void)alpha, (void)tail;
  // > throw not_implemented();
  if (n < 2 || !(sigma > 0) || !(alpha > 0 && alpha < 1))
    throw std::invalid_argument("power needs n ≥ 2, sigma > 0 and 0 < alpha < 1");
  const boost::math::normal z;
  const double shift = effect * std::sqrt(static_cast<double>(n)) / sigma;
  if (tail == Tail::two_sided) {
    const double critical = boost::math::quantile(boost::math::complement(z, alpha / 2));
    return boost::math::cdf(boost::math::complement(z, critical - shift)) + boost::math::cdf(z, -critical - shift);
  }
  const double critical = boost::math::quantile(boost::math::complement(z, alpha));
  return tail == Tail::greater ? boost::math::cdf(boost::math::complement(z, critical - shift))
                               : boost::math::cdf(z, -critical - shift);
  // END SOLUTION
}

double t_test_power(double effect, double sd, std::size_t n, double alpha, Tail tail) {
  // BEGIN SOLUTION
  // > // TODO: the same checks. Under the alternative the t statistic follows
  // > // the noncentral t distribution with n − 1 degrees of freedom and
  // > // noncentrality effect·√n / sd (boost::math::non_central_t); the critical
  // > // values come from the central t (boost::math::students_t), alpha/2 in
  // > // each tail when two-sided, and both tails count.
  // > (void)effect, (void)sd, (void)n, (void)alpha, (void)tail;
  // > throw not_implemented();
  if (n < 2 || !(sd > 0) || !(alpha > 0 && alpha < 1))
    throw std::invalid_argument("power needs n ≥ 2, sd > 0 and 0 < alpha < 1");
  const double df = static_cast<double>(n - 1);
  const boost::math::students_t t(df);
  const boost::math::non_central_t shifted(df, effect * std::sqrt(static_cast<double>(n)) / sd);
  if (tail == Tail::two_sided) {
    const double critical = boost::math::quantile(boost::math::complement(t, alpha / 2));
    return boost::math::cdf(boost::math::complement(shifted, critical)) + boost::math::cdf(shifted, -critical);
  }
  const double critical = boost::math::quantile(boost::math::complement(t, alpha));
  return tail == Tail::greater ? boost::math::cdf(boost::math::complement(shifted, critical))
                               : boost::math::cdf(shifted, -critical);
  // END SOLUTION
}

}  // namespace mathlings
