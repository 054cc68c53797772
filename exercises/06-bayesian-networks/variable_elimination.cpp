// 06-bayesian-networks/variable_elimination — see lessons/06-bayesian-networks/README.md,
// section "Variable elimination".
#include <algorithm>
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>

namespace mathlings {

double query_by_elimination(const Network& net, int query, const std::map<int, bool>& evidence) {
  // TODO: the same checks as query_by_enumeration.
  // A factor is a table over some variables: one entry per combination of
  // their values. Make one factor per node, P(node | parents), and fix the
  // evidence variables in it to their observed values (restrict: keep only
  // the matching entries, drop the variable). Then, for each hidden
  // variable in turn (the one whose factors mention the fewest others
  // first), multiply the factors that mention it and sum it out. Multiply
  // what is left: a factor over the query; normalise it (std::domain_error
  // when its sum, P(evidence), is 0).
  (void)net;
  (void)query;
  (void)evidence;
  throw not_implemented();
}

}  // namespace mathlings
