// 06-bayesian-networks/joint_probability, wrong on purpose: the first parent is taken as the least significant bit of
// the cpt index. A misconception variant (see specs/06-bayesian-networks/joint_probability.yaml): never a solution.
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
    std::size_t row = 0;
    for (std::size_t k = 0; k < node.parents.size(); ++k)
      if (assignment[static_cast<std::size_t>(node.parents[k])]) row |= std::size_t{1} << k;
    probability *= assignment[i] ? node.cpt[row] : 1 - node.cpt[row];
  }
  return probability;
}

}  // namespace mathlings
