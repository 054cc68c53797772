// Judges one call: the learner's outcome against the reference's.
//
// Values are compared entry by entry with |actual − expected| ≤ abs + rel·|expected|,
// after their shapes agree; NaN and infinities equal only themselves. An
// exception is a legitimate expected outcome (a singular matrix must raise
// std::domain_error), matched by type. Some exercises have more than one right
// answer, or answers that legitimately drift with conditioning; for those a
// test names a property check instead of equality (model/spec_vocabulary.hpp names them).
#pragma once

#include <string>
#include <string_view>

#include "common/protocol.hpp"
#include "model/spec.hpp"

namespace mathlings {

struct CaseVerdict {
  enum class Kind { passed, wrong, error, not_implemented, memory_limit };
  Kind kind = Kind::passed;
  std::string message;  ///< empty when passed
};

/// Whether the judge implements the check `name` (every name of
/// model/spec_vocabulary.hpp should be one).
bool can_check(std::string_view name);

/// Judges `actual` against `expected` for a call of `function` with `args`.
CaseVerdict judge_case(const TestSpec& test, const List& args, const protocol::Outcome& expected,
                       const protocol::Outcome& actual);

/// The largest entry-wise violation of the tolerance between two values of the
/// same shape, or the first shape difference. Exposed for tests.
struct Mismatch {
  std::string where;  ///< "[2]", "(1, 3)", ".m", "" for a scalar
  std::string expected;
  std::string actual;
  double excess = 0;  ///< |a − e| / (abs + rel·|e|); infinite for shape or NaN mismatches
  bool shape = false;
};
std::optional<Mismatch> find_mismatch(const Value& expected, const Value& actual, const Tolerance& tolerance);

/// The fields of a struct result that `test` grades: all, unless its spec
/// names some (compare:). A name a reference's result lacks is a
/// CourseError; a learner's result may lack it (then it differs).
Value graded_fields(const Value& value, const TestSpec& test, bool reference);

}  // namespace mathlings
