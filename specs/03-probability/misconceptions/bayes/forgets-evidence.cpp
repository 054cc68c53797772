// 03-probability/bayes, wrong on purpose: does not divide by P(B).
// A misconception variant (see specs/03-probability/bayes.yaml): never a solution.
#include <mathlings/probability.hpp>

namespace mathlings {

double bayes_posterior(double prior_a, double p_b_given_a, double p_b_given_not_a) {
  for (double p : {prior_a, p_b_given_a, p_b_given_not_a}) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("a probability is outside [0, 1]");  // NaN too
  }
  const double joint = p_b_given_a * prior_a;
  const double evidence = joint + p_b_given_not_a * (1.0 - prior_a);  // total probability
  if (evidence == 0.0) throw std::invalid_argument("P(B) = 0: B cannot happen");
  return joint;
}

}  // namespace mathlings
