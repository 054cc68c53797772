// 06-bayesian-networks/joint_probability — see lessons/06-bayesian-networks/README.md,
// section "A joint distribution, factored along a graph".
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double joint_probability(const Network& net, const std::vector<bool>& assignment) {
  // BEGIN SOLUTION
  // > // TODO: check_network(net), and the assignment's size (std::invalid_argument).
  // > // Then multiply, node by node, P(node = its value | its parents' values):
  // > // the cpt entry whose index has the parents' values as bits, the first
  // > // parent the most significant — and 1 minus it when the node is false.
  // > (void)net;
  // > (void)assignment;
  // > throw not_implemented();
  check_network(net);
  if (assignment.size() != net.nodes.size())
    throw std::invalid_argument("the assignment gives " + std::to_string(assignment.size()) + " values for " +
                                std::to_string(net.nodes.size()) + " nodes");
  double probability = 1;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Node& node = net.nodes[i];
    std::size_t row = 0;  // the parents' values as bits, the first parent the most significant
    for (const int parent : node.parents) row = 2 * row + (assignment[static_cast<std::size_t>(parent)] ? 1 : 0);
    probability *= assignment[i] ? node.cpt[row] : 1 - node.cpt[row];
  }
  return probability;
  // END SOLUTION
}

}  // namespace mathlings
