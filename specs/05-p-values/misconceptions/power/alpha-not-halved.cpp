// 05-p-values/power, wrong on purpose: a two-sided test gets α in each tail instead of α/2.
// A misconception variant (see specs/05-p-values/power.yaml): never a solution.
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/p_values.hpp>

namespace mathlings {

double z_test_power(double effect, double sigma, std::size_t n, double alpha, Tail tail) {
  if (n < 2 || !(sigma > 0) || !(alpha > 0 && alpha < 1))
    throw std::invalid_argument("power needs n ≥ 2, sigma > 0 and 0 < alpha < 1");
  const boost::math::normal z;
  const double shift = effect * std::sqrt(static_cast<double>(n)) / sigma;
  if (tail == Tail::two_sided) {
    const double critical = boost::math::quantile(boost::math::complement(z, alpha));
    return boost::math::cdf(boost::math::complement(z, critical - shift)) + boost::math::cdf(z, -critical - shift);
  }
  const double critical = boost::math::quantile(boost::math::complement(z, alpha));
  return tail == Tail::greater ? boost::math::cdf(boost::math::complement(z, critical - shift))
                               : boost::math::cdf(z, -critical - shift);
}

double t_test_power(double effect, double sd, std::size_t n, double alpha, Tail tail) {
  if (n < 2 || !(sd > 0) || !(alpha > 0 && alpha < 1))
    throw std::invalid_argument("power needs n ≥ 2, sd > 0 and 0 < alpha < 1");
  const double df = static_cast<double>(n - 1);
  const boost::math::students_t t(df);
  const boost::math::non_central_t shifted(df, effect * std::sqrt(static_cast<double>(n)) / sd);
  if (tail == Tail::two_sided) {
    const double critical = boost::math::quantile(boost::math::complement(t, alpha));
    return boost::math::cdf(boost::math::complement(shifted, critical)) + boost::math::cdf(shifted, -critical);
  }
  const double critical = boost::math::quantile(boost::math::complement(t, alpha));
  return tail == Tail::greater ? boost::math::cdf(boost::math::complement(shifted, critical))
                               : boost::math::cdf(shifted, -critical);
}

}  // namespace mathlings
