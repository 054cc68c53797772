// How CLI11 lays out mathlings --help and mathlings <command> --help: the
// usage lines and the command list come from the command table
// (app/command_table.hpp), descriptions are wrapped to 80 columns, and a
// command's help ends with the global options it takes too.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace mathlings {

/// The help group of the options that mathlings takes before or after any command.
inline const std::string global_group = "global options";

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
  std::string make_footer(const CLI::App* app) const override;
};

}  // namespace mathlings
