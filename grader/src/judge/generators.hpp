// Named generators of seeded random test inputs. A spec asks for one by kind
// ("square_system", …) with sizes and a seed; the grader draws the inputs
// itself, so they are reproducible and the seed can be shown to the learner.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/value.hpp"
#include "model/spec.hpp"

namespace mathlings {

/// One call's arguments and a label that lets a learner reproduce it.
struct Case {
  List args;
  std::string label;
};

/// Whether the judge draws inputs of `kind` (every name of
/// model/spec_vocabulary.hpp should be one).
bool can_generate(std::string_view kind);
std::vector<Case> generate_cases(const GeneratorSpec& spec);

/// All cases of a test: the literal ones, then the generated ones.
std::vector<Case> cases_of(const TestSpec& test);

/// The runner request that calls the test's function once per case. Shipped
/// expected data (student packs) is keyed by it, so everything that runs a
/// test builds it here.
std::string encode_test_request(const TestSpec& test, const std::vector<Case>& cases);

}  // namespace mathlings
