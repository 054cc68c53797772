// 03-probability/sequential_bayes, wrong on purpose: treats an observation that did not happen as one that did.
// A misconception variant (see specs/03-probability/sequential_bayes.yaml): never a solution.
#include <mathlings/probability.hpp>

namespace mathlings {

std::vector<double> sequential_bayes(double prior_a, const std::vector<bool>& observations, double p_obs_given_a,
                                     double p_obs_given_not_a) {
  for (double p : {prior_a, p_obs_given_a, p_obs_given_not_a}) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("a probability is outside [0, 1]");
  }
  std::vector<double> beliefs;
  double belief = prior_a;
  for (const bool seen : observations) {
    (void)seen;
    const double if_a = p_obs_given_a;
    const double if_not_a = p_obs_given_not_a;
    const double evidence = if_a * belief + if_not_a * (1.0 - belief);
    if (evidence == 0.0) throw std::invalid_argument("an observation that cannot happen");
    belief = if_a * belief / evidence;
    beliefs.push_back(belief);
  }
  return beliefs;
}

}  // namespace mathlings
