// 06-bayesian-networks/variable_elimination, wrong on purpose: the last factor's entry for true is returned, not
// divided by P(evidence). A misconception variant (see specs/06-bayesian-networks/variable_elimination.yaml): never a
// solution.
#include <algorithm>
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double query_by_elimination(const Network& net, int query, const std::map<int, bool>& evidence) {
  check_network(net);
  const int n = static_cast<int>(net.nodes.size());
  if (query < 0 || query >= n) throw std::invalid_argument("the query is not a node of the network");
  for (const auto& [index, value] : evidence) {
    if (index < 0 || index >= n) throw std::invalid_argument("an evidence index is not a node of the network");
  }
  if (evidence.count(query) != 0) throw std::invalid_argument("the query is itself observed");

  // A factor: a value for each combination of its variables' values, the
  // bits of an entry's index giving them (the first variable the most significant).
  struct Factor {
    std::vector<int> variables;
    std::vector<double> table;
  };
  std::vector<int> value(static_cast<std::size_t>(n), 0);  // the combination being visited
  const auto entry = [&](const Factor& f) {
    std::size_t index = 0;
    for (const int v : f.variables) index = 2 * index + static_cast<std::size_t>(value[static_cast<std::size_t>(v)]);
    return index;
  };
  // Calls visit() once per combination of values of `variables`, set in `value`.
  const auto for_each_combination = [&](const std::vector<int>& variables, const auto& visit) {
    for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << variables.size()); ++bits) {
      for (std::size_t k = 0; k < variables.size(); ++k)
        value[static_cast<std::size_t>(variables[k])] = static_cast<int>((bits >> (variables.size() - 1 - k)) & 1);
      visit();
    }
  };

  // One factor per node, P(node | parents), with the evidence fixed.
  std::vector<Factor> factors;
  for (const auto& [index, observed] : evidence) value[static_cast<std::size_t>(index)] = observed ? 1 : 0;
  for (int i = 0; i < n; ++i) {
    const Node& node = net.nodes[static_cast<std::size_t>(i)];
    std::vector<int> all = node.parents;
    all.push_back(i);
    Factor f;
    for (const int v : all)
      if (evidence.count(v) == 0 && std::find(f.variables.begin(), f.variables.end(), v) == f.variables.end())
        f.variables.push_back(v);
    for_each_combination(f.variables, [&] {
      std::size_t row = 0;
      for (const int parent : node.parents)
        row = 2 * row + static_cast<std::size_t>(value[static_cast<std::size_t>(parent)]);
      f.table.push_back(value[static_cast<std::size_t>(i)] != 0 ? node.cpt[row] : 1 - node.cpt[row]);
    });
    factors.push_back(std::move(f));
  }

  // The product of some factors, over the union of their variables.
  const auto product = [&](const std::vector<Factor>& parts) {
    Factor f;
    for (const Factor& part : parts)
      for (const int v : part.variables)
        if (std::find(f.variables.begin(), f.variables.end(), v) == f.variables.end()) f.variables.push_back(v);
    for_each_combination(f.variables, [&] {
      double p = 1;
      for (const Factor& part : parts) p *= part.table[entry(part)];
      f.table.push_back(p);
    });
    return f;
  };

  std::vector<int> hidden;
  for (int i = 0; i < n; ++i)
    if (i != query && evidence.count(i) == 0) hidden.push_back(i);
  while (!hidden.empty()) {
    // The hidden variable whose factors together mention the fewest variables: the smallest new factor.
    const auto scope = [&](int variable) {
      std::vector<int> together;
      for (const Factor& f : factors) {
        if (std::find(f.variables.begin(), f.variables.end(), variable) == f.variables.end()) continue;
        for (const int v : f.variables)
          if (std::find(together.begin(), together.end(), v) == together.end()) together.push_back(v);
      }
      return together.size();
    };
    const auto next = std::min_element(hidden.begin(), hidden.end(), [&](int a, int b) { return scope(a) < scope(b); });
    const int variable = *next;
    hidden.erase(next);
    std::vector<Factor> mentioning, rest;
    for (Factor& f : factors) {
      const bool mentions = std::find(f.variables.begin(), f.variables.end(), variable) != f.variables.end();
      (mentions ? mentioning : rest).push_back(std::move(f));
    }
    Factor joined = product(mentioning);
    Factor summed;  // joined with `variable` summed out
    for (const int v : joined.variables)
      if (v != variable) summed.variables.push_back(v);
    for_each_combination(summed.variables, [&] {
      double total = 0;
      for (const int x : {0, 1}) {
        value[static_cast<std::size_t>(variable)] = x;
        total += joined.table[entry(joined)];
      }
      summed.table.push_back(total);
    });
    rest.push_back(std::move(summed));
    factors = std::move(rest);
  }

  const Factor last = product(factors);  // over the query alone
  value[static_cast<std::size_t>(query)] = 0;
  const double p_false = last.table[entry(last)];
  value[static_cast<std::size_t>(query)] = 1;
  const double p_true = last.table[entry(last)];
  if (p_false + p_true == 0) throw std::domain_error("P(evidence) = 0: the evidence cannot happen");
  return p_true;
}

}  // namespace mathlings
