// 04-statistics/t_tests, wrong on purpose: the pooled (Student's) two-sample test where Welch's is asked.
// A misconception variant (see specs/04-statistics/t_tests.yaml): never a solution.
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <mathlings/statistics.hpp>

namespace mathlings {

namespace {

double mean_of(const std::vector<double>& xs) {
  double sum = 0;
  for (double x : xs) sum += x;
  return sum / static_cast<double>(xs.size());
}

double variance_of(const std::vector<double>& xs, double mean) {
  double squares = 0;
  for (double x : xs) squares += (x - mean) * (x - mean);
  return squares / static_cast<double>(xs.size() - 1);
}

double p_value(double t, double df, Tail tail) {
  const boost::math::students_t dist(df);
  switch (tail) {
    case Tail::two_sided: return 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(t)));
    case Tail::less: return boost::math::cdf(dist, t);
    case Tail::greater: return boost::math::cdf(boost::math::complement(dist, t));
  }
  throw std::invalid_argument("unknown tail");
}

}  // namespace

TestResult one_sample_t_test(const std::vector<double>& xs, double mu0, Tail tail) {
  if (xs.size() < 2) throw std::invalid_argument("a t-test needs at least two values");
  const double n = static_cast<double>(xs.size());
  const double mean = mean_of(xs);
  const double t = (mean - mu0) / std::sqrt(variance_of(xs, mean) / n);
  return {t, n - 1, p_value(t, n - 1, tail)};
}

TestResult welch_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail) {
  if (a.size() < 2 || b.size() < 2) throw std::invalid_argument("each sample needs at least two values");
  const double ma = mean_of(a), mb = mean_of(b);
  // One variance for both groups, as if they had the same spread.
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double pooled = ((na - 1) * variance_of(a, ma) + (nb - 1) * variance_of(b, mb)) / (na + nb - 2);
  const double t = (ma - mb) / std::sqrt(pooled * (1 / na + 1 / nb));
  const double df = na + nb - 2;
  return {t, df, p_value(t, df, tail)};
}

TestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail) {
  if (a.size() != b.size()) throw std::invalid_argument("paired samples have the same size");
  std::vector<double> differences(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) differences[i] = a[i] - b[i];
  return one_sample_t_test(differences, 0.0, tail);
}

}  // namespace mathlings
