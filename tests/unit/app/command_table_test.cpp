// The command table is the command line's one source: is every row complete,
// does the parser declare what each row allows, does help show it, and is a
// bad option named?
#include "app/command_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "base/errors.hpp"

namespace mathlings {
namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The UsageError's message of parsing `args`, or "" when it parses.
std::string usage_error(const std::vector<std::string>& args) {
  try {
    parse_command_line(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(CommandTable, EveryRowHasAHandlerASummaryAndAUsageLine) {
  ASSERT_GE(command_table().size(), 10u);
  std::set<std::string_view> names;
  for (const auto& command : command_table()) {
    EXPECT_TRUE(names.insert(command.name).second) << command.name << " twice";
    EXPECT_NE(command.run, nullptr) << command.name;
    EXPECT_FALSE(command.summary.empty()) << command.name;
    EXPECT_EQ(command.summary.find('\n'), std::string_view::npos) << command.name << ": one line";
    EXPECT_EQ(usage_line(command).rfind(std::string(command.name), 0), 0u) << usage_line(command);
    const CommandArguments& arguments = command.arguments;
    EXPECT_LE(arguments.min, arguments.max) << command.name;
    if (arguments.max > 0) {
      EXPECT_FALSE(arguments.usage.empty()) << command.name << " takes arguments: show them";
    }
    if (arguments.min > 0 || arguments.max < CommandArguments::any_number) {
      EXPECT_FALSE(arguments.wrong.empty()) << command.name << ": what to say when the arguments do not fit";
    }
  }
  EXPECT_EQ(find_command("grade"), &*std::find_if(command_table().begin(), command_table().end(),
                                                  [](const Command& c) { return c.name == "grade"; }));
  EXPECT_EQ(find_command("grdae"), nullptr);
}

TEST(CommandTable, EveryOptionARowAllowsIsOneTheParserDeclares) {
  for (const auto& command : command_table()) {
    const std::vector<std::string> declared = declared_options(command.name);
    for (const auto& option : command.options)
      EXPECT_TRUE(contains(declared, option.name)) << command.name << " allows " << option.name << ", undeclared";
    for (const auto& option : global_options())
      EXPECT_TRUE(contains(declared, option.name)) << command.name << " without the global " << option.name;
  }
}

TEST(CommandTable, EachCommandsHelpShowsItsUsageSummaryAndOptions) {
  for (const auto& command : command_table()) {
    const std::string help = help_text(command.name);
    EXPECT_NE(help.find("usage: mathlings " + usage_line(command) + "\n"), std::string::npos) << help;
    EXPECT_NE(help.find(std::string(command.summary)), std::string::npos) << help;
    for (const auto& option : command.options)
      EXPECT_NE(help.find("  " + option_usage(option)), std::string::npos) << option.name << " in\n" << help;
    for (const auto& option : global_options())
      EXPECT_NE(help.find("  " + option_usage(option)), std::string::npos) << option.name << " in\n" << help;
  }
}

TEST(CommandTable, MathlingsHelpListsEveryCommandWithItsArguments) {
  const std::string help = help_text();
  EXPECT_EQ(help.rfind("usage: mathlings [--course DIR] [--cache DIR] [--jobs N] COMMAND ...\n", 0), 0u) << help;
  for (const auto& command : command_table()) {
    std::string entry = "\n  " + std::string(command.name);
    if (!command.arguments.usage.empty()) entry += " " + std::string(command.arguments.usage);
    EXPECT_NE(help.find(entry), std::string::npos) << command.name << " in\n" << help;
  }
  EXPECT_NE(help.find("exit status: 0 all passed"), std::string::npos) << help;
}

TEST(CommandTable, HelpIsThatOfTheCommandItFollows) {
  const Options grade_help = parse_command_line({"grade", "--help"});
  EXPECT_TRUE(grade_help.help);
  EXPECT_EQ(grade_help.command, "grade");
  const Options help = parse_command_line({"--help"});
  EXPECT_TRUE(help.help);
  EXPECT_EQ(help.command, "");
}

TEST(CommandTable, ABadOptionOnACommandIsAUsageErrorNamingIt) {
  for (const auto& command : command_table()) {
    const std::string name(command.name);
    const std::string unknown = usage_error({name, "--no-such-option"});
    EXPECT_NE(unknown.find("unknown option --no-such-option"), std::string::npos) << name << ": " << unknown;
    EXPECT_NE(unknown.find("mathlings " + name + " --help"), std::string::npos) << name << ": " << unknown;
    // An option of another command: named, with the commands it goes with.
    for (const auto& other : command_table()) {
      for (const auto& option : other.options) {
        const bool allowed = std::any_of(command.options.begin(), command.options.end(),
                                         [&](const CommandOption& o) { return o.name == option.name; });
        if (allowed) continue;
        std::vector<std::string> args{name, std::string(option.name)};
        if (!option.value.empty()) args.emplace_back("x");
        const std::string error = usage_error(args);
        EXPECT_NE(error.find(name + " takes no " + std::string(option.name)), std::string::npos) << error;
        EXPECT_NE(error.find(std::string(option.name) + " goes with "), std::string::npos) << error;
        EXPECT_NE(error.find(std::string(other.name)), std::string::npos) << error;
      }
    }
  }
}

TEST(CommandTable, ARequiredOptionIsAskedFor) {
  for (const auto& command : command_table()) {
    for (const auto& option : command.options) {
      if (!option.required) continue;
      std::vector<std::string> args{std::string(command.name)};
      for (std::size_t k = 0; k < command.arguments.min; ++k)
        args.emplace_back(command.arguments.keywords.empty() ? "x" : std::string(command.arguments.keywords[0]));
      for (const auto& other : command.options) {  // every other one given: this one is what is missing
        if (!other.required || other.name == option.name) continue;
        args.emplace_back(other.name);
        if (!other.value.empty()) args.emplace_back("x");
      }
      EXPECT_EQ(usage_error(args),
                std::string(command.name) + " needs " + option_usage(option) + ", " + std::string(option.help));
    }
  }
}

TEST(CommandTable, ArgumentsThatDoNotFitGetTheRowsMessage) {
  for (const auto& command : command_table()) {
    if (command.arguments.wrong.empty()) continue;
    const std::string name(command.name);
    std::vector<std::string> args{name};
    // One too many (or, for a command that takes any number, none where one is needed).
    const std::size_t count =
        command.arguments.max == CommandArguments::any_number ? command.arguments.min - 1 : command.arguments.max + 1;
    for (std::size_t k = 0; k < count; ++k) args.emplace_back("x");
    for (const auto& option : command.options)
      if (option.required) args.insert(args.end(), {std::string(option.name), "x"});
    EXPECT_EQ(usage_error(args), command.arguments.wrong) << name;
  }
}

}  // namespace
}  // namespace mathlings
