#include "judge/misconceptions.hpp"

#include "judge/compare.hpp"

namespace mathlings {

bool outcomes_agree(const protocol::Outcome& a, const protocol::Outcome& b, const TestSpec& test) {
  if (a.threw() || b.threw()) return a.threw() && b.threw() && a.thrown().type == b.thrown().type;
  return !find_mismatch(graded_fields(a.value(), test, false), graded_fields(b.value(), test, false), test.tolerance)
              .has_value();
}

bool matches_variant(const TestSpec& test, const std::vector<List>& arguments,
                     const std::vector<protocol::Outcome>& expected, const std::vector<protocol::Outcome>& variant,
                     const std::vector<protocol::Outcome>& learner) {
  if (learner.size() != expected.size() || variant.size() != expected.size()) return false;
  bool any_wrong = false;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const auto verdict = judge_case(test, arguments[k], expected[k], learner[k]);
    if (verdict.kind == CaseVerdict::Kind::passed) continue;
    if (verdict.kind == CaseVerdict::Kind::not_implemented) return false;
    if (!outcomes_agree(variant[k], learner[k], test)) return false;
    any_wrong = true;
  }
  return any_wrong;
}

}  // namespace mathlings
