// 03-probability/sequential_bayes — see lessons/03-probability/README.md,
// section "Updating as evidence arrives".
#include <mathlings/probability.hpp>

namespace mathlings {

std::vector<double> sequential_bayes(double prior_a, const std::vector<bool>& observations, double p_obs_given_a,
                                     double p_obs_given_not_a) {
  // TODO: std::invalid_argument for a probability outside [0, 1]. Start
  // from the prior; for each observation apply Bayes' theorem,
  // using P(obs|A) and P(obs|¬A) when it was seen and their complements
  // when not; today's posterior is tomorrow's prior. Record each belief.
  (void)prior_a, (void)observations, (void)p_obs_given_a, (void)p_obs_given_not_a;
  throw not_implemented();
}

}  // namespace mathlings
