// 06-bayesian-networks/joint_probability, wrong on purpose: P(true | parents) is used whatever the node's value.
// A misconception variant (see specs/06-bayesian-networks/joint_probability.yaml): never a solution.
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double joint_probability(const Network& net, const std::vector<bool>& assignment) {
  check_network(net);
  if (assignment.size() != net.nodes.size())
    throw std::invalid_argument("the assignment gives " + std::to_string(assignment.size()) + " values for " +
                                std::to_string(net.nodes.size()) + " nodes");
  double probability = 1;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Node& node = net.nodes[i];
    std::size_t row = 0;  // the parents' values as bits, the first parent the most significant
    for (const int parent : node.parents) row = 2 * row + (assignment[static_cast<std::size_t>(parent)] ? 1 : 0);
    probability *= node.cpt[row];
  }
  return probability;
}

}  // namespace mathlings
