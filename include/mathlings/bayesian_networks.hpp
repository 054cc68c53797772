// Lesson 06 — Bayesian networks. Declares every function the lesson's
// exercises ask for; each exercise file defines some of them inside namespace
// mathlings. Only the standard library may be used.
//
// Variables are binary (true or false). A network lists its nodes in
// topological order: every parent comes before its children. A node's `cpt`
// has 2^(number of parents) entries; entry i is P(node = true | parents),
// where the bits of i give the parents' values, the first parent the most
// significant bit — for parents (p₀, p₁), entry 2·p₀ + p₁. A node without
// parents has one entry, P(node = true). Evidence maps a node's index to its
// observed value.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef MATHLINGS_NOT_IMPLEMENTED_DEFINED
#define MATHLINGS_NOT_IMPLEMENTED_DEFINED
namespace mathlings {
/// What an untouched stub throws. Replace the `throw` with your code.
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings
#endif

namespace mathlings {

struct Node {
  std::string name;
  std::vector<int> parents;  ///< indices of earlier nodes
  std::vector<double> cpt;   ///< P(true | parents), 2^parents.size() entries
};

struct Network {
  std::vector<Node> nodes;
};

/// Throws std::invalid_argument if the network is malformed: a parent index
/// that is not an earlier node (negative, or not below the node's own index),
/// a cpt whose size is not 2^(number of parents), or a probability outside
/// [0, 1] (NaN included). Provided by the course: every exercise calls it first.
inline void check_network(const Network& net) {
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Node& node = net.nodes[i];
    const std::string where = "node " + std::to_string(i) + " (" + node.name + ")";
    for (const int parent : node.parents) {
      if (parent < 0 || static_cast<std::size_t>(parent) >= i)
        throw std::invalid_argument(where + ": parent " + std::to_string(parent) + " is not an earlier node");
    }
    if (node.parents.size() >= 31 || node.cpt.size() != (std::size_t{1} << node.parents.size()))
      throw std::invalid_argument(where + ": its cpt needs 2^" + std::to_string(node.parents.size()) + " entries");
    for (const double p : node.cpt) {
      if (!(p >= 0 && p <= 1)) throw std::invalid_argument(where + ": a probability outside [0, 1]");
    }
  }
}

/// joint_probability: P(X₀ = a₀, …, Xₙ₋₁ = aₙ₋₁), the product over the nodes
/// of P(Xᵢ = aᵢ | its parents' values in the assignment). Throws
/// std::invalid_argument if the assignment's size differs from the number of
/// nodes, or the network is malformed (check_network).
double joint_probability(const Network& net, const std::vector<bool>& assignment);

/// enumeration: P(query = true | evidence), summing the joint probability over
/// every value of the hidden variables (neither the query nor in the
/// evidence), for query = true and for query = false, and normalising. Throws
/// std::invalid_argument if the query or an evidence index is out of range, the
/// query is itself in the evidence, or the network is malformed
/// (check_network);
/// std::domain_error if P(evidence) = 0.
double query_by_enumeration(const Network& net, int query, const std::map<int, bool>& evidence);

/// variable_elimination: the same answer by variable elimination — one factor
/// per node, restricted to the evidence, then each hidden variable summed out
/// of the product of the factors that mention it, then the query's factor
/// normalised. Graded also on networks of 60 nodes, where enumeration's 2^30 and more
/// terms cannot finish: eliminate in an order that keeps the factors small
/// (the tests' networks give each node parents among the 3 nodes just before
/// it; the network's own order, or "the variable whose factors mention the
/// fewest others first", keeps every factor within 2^5 entries). Throws as
/// query_by_enumeration does: std::invalid_argument for a query or evidence
/// index out of range, an observed query or a malformed network;
/// std::domain_error if P(evidence) = 0.
double query_by_elimination(const Network& net, int query, const std::map<int, bool>& evidence);

}  // namespace mathlings
