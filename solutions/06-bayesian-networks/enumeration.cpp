// 06-bayesian-networks/enumeration — see lessons/06-bayesian-networks/README.md,
// section "Inference by enumeration".
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double query_by_enumeration(const Network& net, int query, const std::map<int, bool>& evidence) {
  // BEGIN SOLUTION
  // > // TODO: check_network(net); the query and every evidence index in range,
  // > // and the query not in the evidence (std::invalid_argument).
  // > // For every combination of values of the hidden variables, and for
  // > // query = false and query = true, add up the joint probability (the
  // > // product of every node's P(value | parents), as in joint_probability).
  // > // Normalise: P(query | evidence) = sum(true) / (sum(false) + sum(true));
  // > // std::domain_error when that denominator, P(evidence), is 0.
  // > (void)net;
  // > (void)query;
  // > (void)evidence;
  // > throw not_implemented();
  check_network(net);
  const int n = static_cast<int>(net.nodes.size());
  if (query < 0 || query >= n) throw std::invalid_argument("the query is not a node of the network");
  for (const auto& [index, value] : evidence) {
    if (index < 0 || index >= n) throw std::invalid_argument("an evidence index is not a node of the network");
  }
  if (evidence.count(query) != 0) throw std::invalid_argument("the query is itself observed");
  std::vector<int> hidden;
  for (int i = 0; i < n; ++i)
    if (i != query && evidence.count(i) == 0) hidden.push_back(i);
  std::vector<bool> values(static_cast<std::size_t>(n));
  for (const auto& [index, value] : evidence) values[static_cast<std::size_t>(index)] = value;
  const auto joint = [&] {
    double p = 1;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const Node& node = net.nodes[i];
      std::size_t row = 0;
      for (const int parent : node.parents) row = 2 * row + (values[static_cast<std::size_t>(parent)] ? 1 : 0);
      p *= values[i] ? node.cpt[row] : 1 - node.cpt[row];
    }
    return p;
  };
  double sum[2] = {0, 0};  // P(query = false, evidence), P(query = true, evidence)
  for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << hidden.size()); ++bits) {
    for (std::size_t k = 0; k < hidden.size(); ++k) values[static_cast<std::size_t>(hidden[k])] = (bits >> k) & 1;
    for (const bool q : {false, true}) {
      values[static_cast<std::size_t>(query)] = q;
      sum[q] += joint();
    }
  }
  const double p_evidence = sum[0] + sum[1];
  if (p_evidence == 0) throw std::domain_error("P(evidence) = 0: the evidence cannot happen");
  return sum[1] / p_evidence;
  // END SOLUTION
}

}  // namespace mathlings
