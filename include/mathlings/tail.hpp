// Which tail of a test's distribution counts as evidence against H₀: both
// (two_sided), the left (less: the alternative says the mean is smaller) or
// the right (greater). Shared by lessons 04 and 05.
#pragma once

namespace mathlings {

enum class Tail { two_sided, less, greater };

}  // namespace mathlings
