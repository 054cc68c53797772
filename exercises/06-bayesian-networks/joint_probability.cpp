// 06-bayesian-networks/joint_probability — see lessons/06-bayesian-networks/README.md,
// section "A joint distribution, factored along a graph".
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double joint_probability(const Network& net, const std::vector<bool>& assignment) {
  // TODO: check_network(net), and the assignment's size (std::invalid_argument).
  // Then multiply, node by node, P(node = its value | its parents' values):
  // the cpt entry whose index has the parents' values as bits, the first
  // parent the most significant — and 1 minus it when the node is false.
  (void)net;
  (void)assignment;
  throw not_implemented();
}

}  // namespace mathlings
