// 03-probability/bayes — see lessons/03-probability/README.md, section "Bayes' theorem".
#include <mathlings/probability.hpp>

namespace mathlings {

double bayes_posterior(double prior_a, double p_b_given_a, double p_b_given_not_a) {
  // TODO: check every probability is in [0, 1]; P(B) = P(B|A)·P(A) +
  // P(B|¬A)·(1 − P(A)); then P(A|B) = P(B|A)·P(A) / P(B).
  (void)prior_a, (void)p_b_given_a, (void)p_b_given_not_a;
  throw not_implemented();
}

}  // namespace mathlings
