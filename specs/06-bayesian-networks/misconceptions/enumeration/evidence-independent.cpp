// 06-bayesian-networks/enumeration, wrong on purpose: the evidence is combined
// as if each observation depended on the query alone — naive Bayes,
// P(q) · ∏ P(eᵢ | q), normalised — whatever the network says.
// A misconception variant (see specs/06-bayesian-networks/enumeration.yaml): never a solution.
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double query_by_enumeration(const Network& net, int query, const std::map<int, bool>& evidence) {
  check_network(net);
  const int n = static_cast<int>(net.nodes.size());
  if (query < 0 || query >= n) throw std::invalid_argument("the query is not a node of the network");
  for (const auto& [index, value] : evidence) {
    if (index < 0 || index >= n) throw std::invalid_argument("an evidence index is not a node of the network");
  }
  if (evidence.count(query) != 0) throw std::invalid_argument("the query is itself observed");
  // P(fixed variables at their values), summing the joint over all the others.
  const auto marginal = [&](const std::map<int, bool>& fixed) {
    std::vector<int> free;
    for (int i = 0; i < n; ++i)
      if (fixed.count(i) == 0) free.push_back(i);
    std::vector<bool> values(static_cast<std::size_t>(n));
    for (const auto& [index, value] : fixed) values[static_cast<std::size_t>(index)] = value;
    double total = 0;
    for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << free.size()); ++bits) {
      for (std::size_t k = 0; k < free.size(); ++k) values[static_cast<std::size_t>(free[k])] = (bits >> k) & 1;
      double p = 1;
      for (std::size_t i = 0; i < values.size(); ++i) {
        const Node& node = net.nodes[i];
        std::size_t row = 0;
        for (const int parent : node.parents) row = 2 * row + (values[static_cast<std::size_t>(parent)] ? 1 : 0);
        p *= values[i] ? node.cpt[row] : 1 - node.cpt[row];
      }
      total += p;
    }
    return total;
  };
  double score[2];
  for (const bool q : {false, true}) {
    const double prior = marginal({{query, q}});
    score[q] = prior;
    for (const auto& [index, value] : evidence) score[q] *= marginal({{query, q}, {index, value}}) / prior;
  }
  if (score[0] + score[1] == 0) throw std::domain_error("P(evidence) = 0: the evidence cannot happen");
  return score[1] / (score[0] + score[1]);
}

}  // namespace mathlings
