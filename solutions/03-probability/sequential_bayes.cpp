// 03-probability/sequential_bayes — see lessons/03-probability/README.md,
// section "Updating as evidence arrives".
#include <mathlings/probability.hpp>

namespace mathlings {

std::vector<double> sequential_bayes(double prior_a, const std::vector<bool>& observations, double p_obs_given_a,
                                     double p_obs_given_not_a) {
  // BEGIN SOLUTION
  // > // TODO: std::invalid_argument for a probability outside [0, 1]. Start
  // > // from the prior; for each observation apply Bayes' theorem,
  // > // using P(obs|A) and P(obs|¬A) when it was seen and their complements
  // > // when not; today's posterior is tomorrow's prior. Record each belief.
  // > (void)prior_a, (void)observations, (void)p_obs_given_a, (void)p_obs_given_not_a;
  // > throw not_implemented();
  for (double p : {prior_a, p_obs_given_a, p_obs_given_not_a}) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("a probability is outside [0, 1]");
  }
  std::vector<double> beliefs;
  double belief = prior_a;
  for (const bool seen : observations) {
    const double if_a = seen ? p_obs_given_a : 1.0 - p_obs_given_a;
    const double if_not_a = seen ? p_obs_given_not_a : 1.0 - p_obs_given_not_a;
    const double evidence = if_a * belief + if_not_a * (1.0 - belief);
    if (evidence == 0.0) throw std::invalid_argument("an observation that cannot happen");
    belief = if_a * belief / evidence;
    beliefs.push_back(belief);
  }
  return beliefs;
  // END SOLUTION
}

}  // namespace mathlings
