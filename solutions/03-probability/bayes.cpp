// 03-probability/bayes — see lessons/03-probability/README.md, section "Bayes' theorem".
#include <mathlings/probability.hpp>

namespace mathlings {

double bayes_posterior(double prior_a, double p_b_given_a, double p_b_given_not_a) {
  // BEGIN SOLUTION
  // > // TODO: check every probability is in [0, 1]; P(B) = P(B|A)·P(A) +
  // > // P(B|¬A)·(1 − P(A)); then P(A|B) = P(B|A)·P(A) / P(B).
  // > (void)prior_a, (void)p_b_given_a, (void)p_b_given_not_a;
  // > throw not_implemented();
  for (double p : {prior_a, p_b_given_a, p_b_given_not_a}) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("a probability is outside [0, 1]");  // NaN too
  }
  const double joint = p_b_given_a * prior_a;
  const double evidence = joint + p_b_given_not_a * (1.0 - prior_a);  // total probability
  if (evidence == 0.0) throw std::invalid_argument("P(B) = 0: B cannot happen");
  return joint / evidence;
  // END SOLUTION
}

}  // namespace mathlings
