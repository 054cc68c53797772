// The command line of the contract (§3), parsed into Options.
#pragma once

#include <string>
#include <vector>

#include "model/invocation.hpp"

namespace mathlings {

/// UsageError on anything it does not understand.
Options parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace mathlings
