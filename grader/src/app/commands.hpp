// One function per command of the contract; each returns the exit status
// (0 all passed, 1 something fell short) and throws GraderError when nothing
// could be done as asked.
#pragma once

#include <iosfwd>

#include "app/cli.hpp"

namespace mathlings {

int run_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace mathlings
