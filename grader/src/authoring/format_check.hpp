// The authors' formatting check: the course's solutions, stubs and headers
// must be as clang-format (with the course's own .clang-format) leaves them.
#pragma once

#include <string>

#include "model/course.hpp"

namespace mathlings {

struct FormatCheck {
  std::string skipped;      ///< why the check could not run, if it did not
  std::string unformatted;  ///< the files that differ, one a line; empty when clean
};

FormatCheck check_formatting(const Course& course);

}  // namespace mathlings
