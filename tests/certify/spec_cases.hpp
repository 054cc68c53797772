// The cases of an exercise's spec, as the grader grades them, for the tests
// that certify a lesson's references against an independent computation:
// every literal case and every generated one (drawn exactly as the grader
// draws them) that expects an answer, with its certified value if it has one.
// Their arguments and certified values are read with the runner's own
// conversions (mathlings_harness/bind.hpp: Codec, number_from, record_field),
// as the references receive them when they grade.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <mathlings_harness/bind.hpp>

#include "judge/generators.hpp"
#include "model/spec.hpp"

namespace mathlings {

/// Each case of each test of a spec that expects an answer (not an exception),
/// with the certified value given for it, if any (a pointer into `spec`,
/// which must outlive the cases).
struct GradedCase {
  std::string label;
  List args;
  const CertifiedValue* certified = nullptr;
};

inline std::vector<GradedCase> answered_cases(const ExerciseSpec& spec) {
  std::vector<GradedCase> out;
  for (const TestSpec& test : spec.tests) {
    if (test.expect) continue;
    const std::vector<Case> cases = cases_of(test);
    for (std::size_t k = 0; k < cases.size(); ++k) {
      GradedCase graded{test.name + " #" + std::to_string(k + 1) + " " + cases[k].label, cases[k].args, nullptr};
      for (const CertifiedValue& c : test.certified)
        if (c.case_index == k) graded.certified = &c;
      out.push_back(std::move(graded));
    }
  }
  return out;
}

}  // namespace mathlings
