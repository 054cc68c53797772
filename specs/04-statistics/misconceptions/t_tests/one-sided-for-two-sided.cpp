// 04-statistics/t_tests, wrong on purpose: a two-sided p-value that is one tail only.
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
    case Tail::two_sided: return boost::math::cdf(boost::math::complement(dist, std::abs(t)));
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
  const double va = variance_of(a, ma) / static_cast<double>(a.size());
  const double vb = variance_of(b, mb) / static_cast<double>(b.size());
  const double t = (ma - mb) / std::sqrt(va + vb);
  const double df = (va + vb) * (va + vb) /
                    (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  return {t, df, p_value(t, df, tail)};
}

TestResult paired_t_test(const std::vector<double>& a, const std::vector<double>& b, Tail tail) {
  if (a.size() != b.size()) throw std::invalid_argument("paired samples have the same size");
  std::vector<double> differences(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) differences[i] = a[i] - b[i];
  return one_sample_t_test(differences, 0.0, tail);
}

}  // namespace mathlings
