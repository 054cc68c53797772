// The command line, parsed into Options with CLI11. Its commands, their
// arguments and options, and the help are those of the command table
// (app/command_table.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/invocation.hpp"

namespace mathlings {

/// UsageError on anything it does not understand, naming it. With --help,
/// the options say so (and which command's help was asked for) and nothing
/// else is checked.
Options parse_command_line(const std::vector<std::string>& args);

/// mathlings --help; with a command's name, mathlings <command> --help.
std::string help_text(std::string_view command = "");

/// Every option the parser declares for a command, as "--name": the
/// command's own, then those of mathlings itself.
std::vector<std::string> declared_options(std::string_view command);

}  // namespace mathlings
