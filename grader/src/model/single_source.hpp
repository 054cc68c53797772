// One source of truth for an exercise: the reference solution, with the parts
// learners write marked. The stub learners receive is generated from it.
//
//     double rank(const Eigen::MatrixXd& M) {
//       // BEGIN SOLUTION
//       // > // TODO: count the pivots of the reduced row echelon form.
//       // > throw not_implemented();
//       … the reference code …
//       // END SOLUTION
//     }
//
// In the stub, each region becomes its `// >` lines, uncommented and kept at
// the region's indentation; a region without them becomes a TODO and
// `throw not_implemented();`. A region opened by `// BEGIN SOLUTION ONLY`
// (helpers, includes only the solution needs) is left out of the stub
// altogether. Everything outside the regions is copied as is.
#pragma once

#include <string>

namespace mathlings {

/// The stub for a solution; CourseError naming `display_name` and the line
/// for unbalanced or nested markers, or a solution with no region at all.
std::string generate_stub(const std::string& solution, const std::string& display_name);

}  // namespace mathlings
