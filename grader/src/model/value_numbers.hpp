// The numbers a course's Value holds, for the code that measures results
// (figures, statistical checks): a Value from a spec or a reference solution
// that is not what the course says it is, is the course's fault.
#pragma once

#include <vector>

#include "common/value.hpp"

namespace mathlings {

/// A real, an integer or a bool (1 or 0); a CourseError naming its shape otherwise.
double number_in(const Value& v);

/// The numbers of a vector, of a matrix (row by row) or of a list of numbers;
/// a lone number as one.
std::vector<double> numbers_in(const Value& v);

}  // namespace mathlings
