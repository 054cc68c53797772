// 05-p-values/power, wrong on purpose: the t-test's power from the normal distribution, as if σ were known.
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
    const double critical = boost::math::quantile(boost::math::complement(z, alpha / 2));
    return boost::math::cdf(boost::math::complement(z, critical - shift)) + boost::math::cdf(z, -critical - shift);
  }
  const double critical = boost::math::quantile(boost::math::complement(z, alpha));
  return tail == Tail::greater ? boost::math::cdf(boost::math::complement(z, critical - shift))
                               : boost::math::cdf(z, -critical - shift);
}

double t_test_power(double effect, double sd, std::size_t n, double alpha, Tail tail) {
  return z_test_power(effect, sd, n, alpha, tail);  // the normal approximation, whatever n
}

}  // namespace mathlings
