// The commands of mathlings, each declared once, in one table: its name, what
// it is for, its arguments and options, and the function that runs it. The
// parser (app/cli.cpp), the help (app/help_formatter.cpp) and the dispatch
// (app/commands.cpp) all read it; adding a command is a row here and a
// handler file (app/handlers.hpp).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "model/invocation.hpp"

namespace mathlings {

/// An option as a command takes it. The name is one the parser declares
/// (app/cli.cpp says how its value reaches Options); the value's name and the
/// help are this command's own.
struct CommandOption {
  std::string_view name{};
  std::string_view value{};  ///< "" for a flag
  std::string_view help{};
  bool required = false;  ///< without it: "<command> needs <name> <value>, <help>"
};

/// The words after the command's name.
struct CommandArguments {
  static constexpr std::size_t any_number = std::numeric_limits<std::size_t>::max();
  std::string_view usage{};  ///< as help shows them: "DIR", "[ID...]"
  std::size_t min = 0;
  std::size_t max = 0;
  std::vector<std::string_view> keywords{};  ///< when not empty, the first argument is one of them
  std::string_view wrong{};                  ///< the UsageError when the arguments do not fit
};

enum class Audience { everyone, course_authors };

/// Returns the exit status (0 all passed, 1 something fell short); throws
/// when nothing could be done as asked.
using CommandHandler = int (*)(const Options& options, std::ostream& out, std::ostream& err);

struct Command {
  std::string_view name{};
  std::string_view summary{};  ///< one line, for mathlings --help
  CommandArguments arguments{};
  std::vector<CommandOption> options{};  ///< beyond the global ones, which every command takes
  std::string_view details{};            ///< more, for mathlings <name> --help; may be empty
  Audience audience = Audience::everyone;
  bool needs_solutions = false;  ///< refused on a student pack
  CommandHandler run = nullptr;
};

/// Every command, in the order help lists them.
const std::vector<Command>& command_table();

/// The options of mathlings itself, taken before or after any command.
const std::vector<CommandOption>& global_options();

/// nullptr when there is no such command.
const Command* find_command(std::string_view name);

/// "--output FILE", "--poll": an option as a usage line shows it.
std::string option_usage(const CommandOption& option);

/// What follows `mathlings` to run a command, e.g.
/// "grade DIR [--format text|json|…] [--output FILE] [--find-files]".
std::string usage_line(const Command& command);

}  // namespace mathlings
