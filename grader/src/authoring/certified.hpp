// Checks reference solutions against certified values: results published in
// textbooks or R/SciPy documentation, or computed independently, written next
// to a case in its spec with their source. Part of `mathlings verify`; they
// never grade learners (expected values always come from the reference).
#pragma once

#include <string>
#include <vector>

#include "judge/grading.hpp"

namespace mathlings {

struct CertifiedProblem {
  std::string where;  ///< "specs/…/t_tests.yaml:12"
  std::string problem;
};

struct CertifiedReport {
  int checked = 0;
  std::vector<CertifiedProblem> problems;
};

CertifiedReport check_certified_values(Grader& grader, const Exercise& exercise);

/// `literal` (from YAML: integers, nested lists, maps) in the shape of `like`,
/// so that the two can be compared entry by entry; exposed for tests.
Value conform(const Value& literal, const Value& like);

}  // namespace mathlings
