#include "app/help_formatter.hpp"

#include <sstream>

#include "app/command_table.hpp"

namespace mathlings {
namespace {

constexpr std::size_t page_width = 80;
constexpr std::size_t first_column = 26;

/// `text` broken at spaces into lines of at most `width` columns; its own
/// line breaks kept.
std::string wrap(const std::string& text, std::size_t width) {
  std::string wrapped;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!wrapped.empty()) wrapped += '\n';
    std::istringstream words(line);
    std::size_t column = 0;
    for (std::string word; words >> word;) {
      if (column > 0 && column + 1 + word.size() > width) {
        wrapped += '\n';
        column = 0;
      } else if (column > 0) {
        wrapped += ' ';
        ++column;
      }
      wrapped += word;
      column += word.size();
    }
  }
  return wrapped;
}

std::string root_usage() {
  std::string usage = "usage: mathlings";
  for (const auto& option : global_options()) usage += " [" + option_usage(option) + "]";
  return usage + " COMMAND ...\n       mathlings COMMAND --help\n";
}

}  // namespace

HelpFormatter::HelpFormatter() {
  column_width(first_column);
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
  std::ostringstream out;
  out << make_usage(app, name);
  const CLI::App* parent = app->get_parent();
  if (parent == nullptr) {
    out << make_subcommands(app, mode);
  } else {
    out << "\n" << wrap(app->get_description(), page_width) << "\n";
  }
  out << make_groups(app, mode);
  if (parent != nullptr) {  // the options of mathlings itself, which every command takes
    out << make_group(global_group, false, parent->get_options([](const CLI::Option* option) {
      return option->get_group() == global_group;
    }));
  }
  const std::string footer = make_footer(app);
  if (!footer.empty()) out << "\n" << footer;
  std::string help = out.str();
  for (auto blank = help.find("\n\n\n"); blank != std::string::npos; blank = help.find("\n\n\n", blank))
    help.erase(blank, 1);  // one empty line between groups, not CLI11's two
  return help;
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string) const {
  const Command* command = app->get_parent() ? find_command(app->get_name()) : nullptr;
  return command ? "usage: mathlings " + usage_line(*command) + "\n" : root_usage();
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  const Command* command = find_command(sub->get_name());
  std::string left = sub->get_name();
  if (command && !command->arguments.usage.empty()) left += " " + std::string(command->arguments.usage);
  std::ostringstream out;
  CLI::detail::format_help(out, left, wrap(sub->get_description(), page_width - first_column), first_column);
  return out.str();
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  return wrap(option->get_description(), page_width - first_column);
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  return app->get_footer().empty() ? "" : wrap(app->get_footer(), page_width) + "\n";
}

}  // namespace mathlings
