// Runs the command that the command line chose (app/command_table.hpp), on the
// course it names or the one found from the working directory.
#pragma once

#include <iosfwd>

#include "model/invocation.hpp"

namespace mathlings {

/// The command's exit status (0 all passed, 1 something fell short); throws
/// when nothing could be done as asked.
int run_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace mathlings
