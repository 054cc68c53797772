#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>

#include "app/command_table.hpp"
#include "app/help_formatter.hpp"
#include "base/errors.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

/// How an option's value reaches Options, checked on the way: the one place
/// that knows what each option means. Which commands take it is the command
/// table's business.
struct OptionDefinition {
  std::string_view name;
  bool flag;
  void (*store)(Options& options, const std::string& value);
};

bool whole_number(const std::string& s, std::size_t max_digits) {
  return !s.empty() && s.size() <= max_digits && s.find_first_not_of("0123456789") == std::string::npos;
}

void store_shard(Options& options, const std::string& k_of_n) {
  const auto slash = k_of_n.find('/');
  if (slash == std::string::npos || !whole_number(k_of_n.substr(0, slash), 5) ||
      !whole_number(k_of_n.substr(slash + 1), 5)) {
    throw UsageError("--shard takes K/N, like 2/8");
  }
  options.shard = static_cast<unsigned>(std::stoul(k_of_n.substr(0, slash)));
  options.shards = static_cast<unsigned>(std::stoul(k_of_n.substr(slash + 1)));
  if (options.shards < 1 || options.shard < 1 || options.shard > options.shards) {
    throw UsageError("--shard K/N needs 1 ≤ K ≤ N");
  }
}

void store_jobs(Options& options, const std::string& n) {
  if (!whole_number(n, 3) || std::stoi(n) < 1) throw UsageError("--jobs takes a whole number from 1 to 999");
  options.jobs = static_cast<unsigned>(std::stoi(n));
}

/// `value` of `option`, checked to hold only `allowed` characters: what
/// Slurm would refuse later, refused now, with the form it takes.
std::string slurm_value(const std::string& option, const std::string& value, std::string_view allowed,
                        std::string_view example) {
  if (value.empty() || value.find_first_not_of(allowed) != std::string::npos)
    throw UsageError(option + " takes a value like " + std::string(example) + ", not '" + value + "'");
  return value;
}

constexpr std::string_view name_characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

void store_format(Options& options, const std::string& format) {
  if (!is_known_format(format)) {
    throw UsageError("unknown format '" + format + "' (text, json, junit, gradescope or exercism)");
  }
  options.format = format;
}

constexpr OptionDefinition definitions[] = {
    {"--course", false, [](Options& o, const std::string& dir) { o.course_dir = dir, o.course_given = true; }},
    {"--cache", false, [](Options& o, const std::string& dir) { o.cache_dir = dir, o.cache_given = true; }},
    {"--jobs", false, store_jobs},
    {"--format", false, store_format},
    {"--output", false, [](Options& o, const std::string& path) { o.output = path; }},
    {"--roster", false, [](Options& o, const std::string& file) { o.roster = file; }},
    {"--gradebook", false, [](Options& o, const std::string& file) { o.gradebook = file; }},
    {"--assignment", false, [](Options& o, const std::string& id) { o.assignment = id; }},
    {"--reason", false, [](Options& o, const std::string& why) { o.reason = why; }},
    {"--shard", false, store_shard},
    {"--partial", true, [](Options& o, const std::string&) { o.partial = true; }},
    {"--slurm", false,
     [](Options& o, const std::string& n) {
       if (!whole_number(n, 4) || std::stoi(n) < 1) throw UsageError("--slurm takes a number of shards from 1 to 9999");
       o.slurm_shards = static_cast<unsigned>(std::stoi(n));
     }},
    {"--only-shards", false, [](Options& o, const std::string& list) { o.only_shards = list; }},
    {"--partition", false,
     [](Options& o, const std::string& v) { o.partition = slurm_value("--partition", v, name_characters, "batch"); }},
    {"--account", false,
     [](Options& o, const std::string& v) { o.account = slurm_value("--account", v, name_characters, "math101"); }},
    {"--time", false,
     [](Options& o, const std::string& v) {
       // Slurm's forms: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM:SS; or no limit.
       o.slurm_time = v == "UNLIMITED" || v == "infinite" ? v : slurm_value("--time", v, "0123456789:-", "2:00:00");
     }},
    {"--mem", false,
     [](Options& o, const std::string& v) {
       o.slurm_memory = slurm_value("--mem", v, "0123456789KMGTkmgt", "4G");
       if (!std::isdigit(static_cast<unsigned char>(v.front())))
         throw UsageError("--mem takes a value like 4G, not '" + v + "'");
     }},
    {"--cpus-per-task", false,
     [](Options& o, const std::string& n) {
       if (!whole_number(n, 3) || std::stoi(n) < 1)
         throw UsageError("--cpus-per-task takes a whole number from 1 to 999");
       o.cpus_per_task = static_cast<unsigned>(std::stoi(n));
     }},
    {"--wait", true, [](Options& o, const std::string&) { o.wait = true; }},
    {"--check", true, [](Options& o, const std::string&) { o.check_only = true; }},
    {"--poll", true, [](Options& o, const std::string&) { o.poll = true; }},
    {"--find-files", true, [](Options& o, const std::string&) { o.find_files = true; }},
};

/// Declares `option` on `app`, storing into `options`. An option the table
/// names but nothing here defines is left out (command_table_test names it).
void declare(CLI::App& app, const CommandOption& option, Options& options, const std::string& group) {
  const auto* definition = std::find_if(std::begin(definitions), std::end(definitions),
                                        [&](const OptionDefinition& d) { return d.name == option.name; });
  if (definition == std::end(definitions)) return;
  const auto store = definition->store;
  const std::string name(option.name);
  const std::string help(option.help);
  CLI::Option* declared =
      definition->flag
          ? app.add_flag_callback(
                name, [&options, store] { store(options, ""); }, help)
          : app.add_option_function<std::string>(
                   name, [&options, store](const std::string& value) { store(options, value); }, help)
                ->type_name(std::string(option.value))
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // as before CLI11: the last one counts
  declared->group(group);
}

/// The parser of the whole command line, filling `options`: the global
/// options on mathlings itself, a subcommand per row of the command table.
/// Unknown words and options are kept aside, to be named by the table.
std::unique_ptr<CLI::App> make_parser(Options& options) {
  auto app = std::make_unique<CLI::App>("", "mathlings");
  app->formatter(std::make_shared<HelpFormatter>());
  app->set_help_flag("-h,--help", "this help; mathlings COMMAND --help: a command's own")->group("options");
  app->add_flag("--version", options.version, "mathlings's version")->group("options");
  for (const auto& option : global_options()) declare(*app, option, options, global_group);
  app->allow_extras();
  app->require_subcommand(0, 1);  // after the command, a command's name is an argument: new lesson ID
  app->footer("exit status: 0 all passed; 1 graded, something fell short; 2 nothing could be graded as asked");
  for (const auto& command : command_table()) {
    CLI::App* sub = app->add_subcommand(std::string(command.name), std::string(command.summary));
    sub->group(command.audience == Audience::everyone ? "commands" : "for course authors");
    sub->fallthrough();  // the global options after the command, too
    sub->allow_extras();
    sub->set_help_flag("-h,--help", "this help")->group("options");
    sub->add_option("arguments", options.arguments)->group("");  // shown by the usage line
    for (const auto& option : command.options) declare(*sub, option, options, "options");
    sub->footer(std::string(command.details));
  }
  return app;
}

bool looks_like_option(const std::string& word) {
  return word.size() > 1 && word[0] == '-';
}

/// "a", "a and b", "a, b and c".
std::string in_words(const std::vector<std::string>& names) {
  std::string words;
  for (std::size_t k = 0; k < names.size(); ++k)
    words += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
  return words;
}

/// The UsageError for an option the parser did not take with `command`: one
/// of its own given before it, or one it does not take (and which commands
/// do, if any).
std::string misplaced(const std::string& option, const Command& command) {
  std::vector<std::string> takers;
  for (const auto& other : command_table())
    for (const auto& allowed : other.options)
      if (allowed.name == option) takers.emplace_back(other.name);
  const std::string name(command.name);
  if (std::find(takers.begin(), takers.end(), name) != takers.end())
    return option + " is an option of " + name + ": give it after the command, as in mathlings " + usage_line(command);
  if (takers.empty())
    return "unknown option " + option + " (mathlings " + name + " --help lists the options " + name + " takes)";
  return name + " takes no " + option + ": " + option + " goes with " + in_words(takers);
}

void check_arguments(const Command& command, const std::vector<std::string>& arguments) {
  const CommandArguments& expected = command.arguments;
  const auto& keywords = expected.keywords;
  const bool fits = arguments.size() >= expected.min && arguments.size() <= expected.max &&
                    (keywords.empty() || (!arguments.empty() && std::find(keywords.begin(), keywords.end(),
                                                                          arguments.front()) != keywords.end()));
  if (!fits) throw UsageError(std::string(expected.wrong));
}

}  // namespace

Options parse_command_line(const std::vector<std::string>& args) {
  Options options;
  const auto app = make_parser(options);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // as CLI11 takes them
  try {
    app->parse(reversed);
  } catch (const CLI::CallForHelp&) {
    options.help = true;
    const auto chosen = app->get_subcommands();
    options.command = chosen.empty() ? "" : chosen.front()->get_name();
    return options;
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
  if (options.version) return options;
  // What no command took, in the order given (words before the command first).
  const std::vector<std::string> extras = app->remaining(true);
  const auto chosen = app->get_subcommands();
  const auto word = std::find_if_not(extras.begin(), extras.end(), looks_like_option);
  if (chosen.empty() || (!extras.empty() && !looks_like_option(extras.front()))) {
    if (word != extras.end()) throw UsageError("unknown command '" + *word + "'\n\n" + help_text());
    throw UsageError("no command given\n\n" + help_text());
  }
  const Command& command = *find_command(chosen.front()->get_name());
  options.command = command.name;
  if (!extras.empty()) throw UsageError(misplaced(extras.front().substr(0, extras.front().find('=')), command));
  for (const auto& option : command.options) {
    if (option.required && chosen.front()->count(std::string(option.name)) == 0)
      throw UsageError(options.command + " needs " + option_usage(option) + ", " + std::string(option.help));
  }
  check_arguments(command, options.arguments);
  return options;
}

std::string help_text(std::string_view command) {
  Options unused;
  const auto app = make_parser(unused);
  if (find_command(command) == nullptr) return app->help();
  return app->get_subcommand(std::string(command))->help();
}

std::vector<std::string> declared_options(std::string_view command) {
  Options unused;
  const auto app = make_parser(unused);
  std::vector<std::string> names;
  const auto add = [&](const CLI::App& from) {
    for (const CLI::Option* option : from.get_options())
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  };
  if (find_command(command) != nullptr) add(*app->get_subcommand(std::string(command)));
  add(*app);
  return names;
}

}  // namespace mathlings
