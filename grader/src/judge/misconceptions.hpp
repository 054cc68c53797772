// Naming the mistake: a learner's wrong answers compared with those of the
// course's known wrong variants (see Misconception in spec.hpp).
//
// A test that fails is matched against each variant the exercise lists: if
// the learner's outcome agrees with the variant's (same tolerance, or the
// same exception type) on every case the learner got wrong, and there is at
// least one, the learner made that mistake — or one that cannot be told
// apart from it on these inputs — and the message names it.
#pragma once

#include <vector>

#include "common/protocol.hpp"
#include "model/spec.hpp"

namespace mathlings {

/// Whether two outcomes agree: equal values within the test's tolerance (in
/// the fields it grades), or the same exception type.
bool outcomes_agree(const protocol::Outcome& a, const protocol::Outcome& b, const TestSpec& test);

/// Whether `learner` agrees with `variant` wherever it disagrees with
/// `expected` (judged as the test judges), on at least one case.
bool matches_variant(const TestSpec& test, const std::vector<List>& arguments,
                     const std::vector<protocol::Outcome>& expected, const std::vector<protocol::Outcome>& variant,
                     const std::vector<protocol::Outcome>& learner);

}  // namespace mathlings
