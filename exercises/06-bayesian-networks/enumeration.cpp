// 06-bayesian-networks/enumeration — see lessons/06-bayesian-networks/README.md,
// section "Inference by enumeration".
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double query_by_enumeration(const Network& net, int query, const std::map<int, bool>& evidence) {
  // TODO: check_network(net); the query and every evidence index in range,
  // and the query not in the evidence (std::invalid_argument).
  // For every combination of values of the hidden variables, and for
  // query = false and query = true, add up the joint probability (the
  // product of every node's P(value | parents), as in joint_probability).
  // Normalise: P(query | evidence) = sum(true) / (sum(false) + sum(true));
  // std::domain_error when that denominator, P(evidence), is 0.
  (void)net;
  (void)query;
  (void)evidence;
  throw not_implemented();
}

}  // namespace mathlings
