// Checks of results that are themselves random: a learner who draws the
// course's random numbers in another order than the reference gets other,
// equally right numbers, so these never compare with one stream. Each
// measures the result against what the mathematics says it must be, and
// allows a stated number of standard errors (TestSpec::standard_errors) of
// the simulation's own noise — at 4, a right answer fails a comparison with
// a probability of about 6·10⁻⁵ (and a case makes five), at 5 about 6·10⁻⁷;
// the wrong answers the course knows miss by far more.
//
//   z_test_p_values     args [seed, trials, n, true_mean, mu0, sigma]: the
//                       result holds `trials` p-values of two-sided z-tests,
//                       and the share below α, for α = 0.01, 0.05, 0.1,
//                       0.25, 0.5, is the test's rejection probability at α
//                       (α itself when true_mean = mu0: uniform p-values);
//   permutation_p_value args [seed, a, b, permutations]: the result is
//                       (1 + k) / (1 + permutations) for a whole k, and
//                       within the Monte Carlo error of both estimates of
//                       the reference's p-value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/value.hpp"

namespace mathlings {

/// Whether `name` is one of the checks above.
bool is_statistical_check(std::string_view name);

/// What is wrong with `actual`, or nothing; `expected` is the reference's
/// result for the same arguments.
std::optional<std::string> check_statistically(std::string_view name, const List& args, const Value& expected,
                                               const Value& actual, double standard_errors);

}  // namespace mathlings
