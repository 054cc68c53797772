// The expected outcomes a student pack ships instead of its solutions:
// expected/<exercise>.expected, one record per test (and per known wrong
// variant), keyed by the hash of the exact runner request. `export student`
// writes the records; the judge reads them where a full course would run the
// reference.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/protocol.hpp"
#include "model/course.hpp"

namespace mathlings {

/// One record: "test <variant> <test> <request hash>", the answers, "done".
std::string shipped_record(const std::string& variant, const std::string& test, const std::string& request,
                           const std::vector<protocol::Outcome>& outcomes);

/// The shipped outcomes of one test in a pack, if they were computed for
/// exactly this request (CourseError when the data are damaged).
/// With `variant`, the shipped outcomes of that known wrong variant instead of
/// the reference's (the variants' code is not shipped: it is nearly a solution).
std::optional<std::vector<protocol::Outcome>> shipped_outcomes(const Course& course, const Exercise& exercise,
                                                               const TestSpec& test, const std::string& request,
                                                               const std::string& variant = "");

}  // namespace mathlings
