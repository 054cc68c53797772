#include "app/cli.hpp"

#include <algorithm>
#include <array>

#include "base/errors.hpp"
#include "report/report.hpp"

namespace mathlings {

std::string usage_text() {
  return R"(usage: mathlings [--course DIR] [--cache DIR] [--jobs N] COMMAND ...

commands:
  list                      every exercise, in order, with its status
  check [ID...]             grade your exercises/ (or the named ones)
  hint ID                   the next hint for an exercise
  watch [ID] [--poll]       re-check the exercise you are on at every save; keys
                            for hints, the lesson, the list, the next exercise
                            (--poll: for file systems that report no saves)
  lesson ID                 the lesson (of a lesson or an exercise id), in the terminal
  book [--output DIR]       the lessons as a web site that works offline, formulas
                            typeset, with your statuses (default: .mathlings/book)
  reset ID                  restore an exercise's stub (your version is kept in
                            .mathlings/backups/)
  grade DIR [--format text|json|junit|gradescope|exercism] [--output FILE]
            [--find-files]  grade one submission directory (--find-files: also
                            when its files are in a folder inside, or not in
                            their lessons' folders; the result says where)
  batch ROOT --output DIR [--shard K/N] [--roster FILE]
                            grade a class: one folder, .zip or .tar.gz per student
                            in ROOT (files found as with --find-files); writes
                            DIR/gradebook.csv, gradebook.json and feedback/; run
                            again to resume (--roster: a row for everyone on it,
                            "missing" for those who handed in nothing)
  merge DIR... --output DIR join the outputs of batch shards into one gradebook
  export student DIR        the course as learners get it: no solutions, no hidden
                            tests, the visible tests' expected outcomes as data
  export gradescope FILE.zip
                            a Gradescope autograder (setup.sh, run_autograder)
  verify                    check the course: references full marks, stubs zero and
                            up to date, every test able to fail, lesson examples run,
                            sources formatted

for course authors:
  sync [--check]            generate exercises/ from the marked solutions/ (--check:
                            only report stubs that differ; exit 1 if any)
  new lesson ID             scaffold a lesson: header, lesson text, manifest entry
  new exercise LESSON/NAME  scaffold an exercise: header entry, solution, spec, stub

options:
  --course DIR   the course (default: the nearest folder with a course.yaml, from
                 here upwards; else the repository mathlings was built from)
  --cache DIR    where builds are cached (default: the course's .mathlings/cache)
  --jobs N       exercises graded at once (default: one per core)

exit status: 0 all passed; 1 graded, something fell short; 2 nothing could be graded as asked
)";
}

Options parse_command_line(const std::vector<std::string>& args) {
  Options options;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& arg = args[k];
    const auto value = [&]() -> std::string {
      if (k + 1 >= args.size()) throw UsageError(arg + " needs a value");
      return args[++k];
    };
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--shard") {
      const std::string k_of_n = value();
      const auto slash = k_of_n.find('/');
      const auto whole = [](const std::string& s) {
        return !s.empty() && s.size() < 6 && s.find_first_not_of("0123456789") == std::string::npos;
      };
      if (slash == std::string::npos || !whole(k_of_n.substr(0, slash)) || !whole(k_of_n.substr(slash + 1))) {
        throw UsageError("--shard takes K/N, like 2/8");
      }
      options.shard = static_cast<unsigned>(std::stoul(k_of_n.substr(0, slash)));
      options.shards = static_cast<unsigned>(std::stoul(k_of_n.substr(slash + 1)));
      if (options.shards < 1 || options.shard < 1 || options.shard > options.shards) {
        throw UsageError("--shard K/N needs 1 ≤ K ≤ N");
      }
    } else if (arg == "--check") {
      options.check_only = true;
    } else if (arg == "--poll") {
      options.poll = true;
    } else if (arg == "--find-files") {
      options.find_files = true;
    } else if (arg == "--version") {
      options.version = true;
    } else if (arg == "--course") {
      options.course_dir = value();
      options.course_given = true;
    } else if (arg == "--cache") {
      options.cache_dir = value();
      options.cache_given = true;
    } else if (arg == "--format") {
      options.format = value();
    } else if (arg == "--output") {
      options.output = value();
    } else if (arg == "--roster") {
      options.roster = value();
    } else if (arg == "--jobs") {
      const std::string n = value();
      if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1) {
        throw UsageError("--jobs takes a whole number from 1 to 999");
      }
      options.jobs = static_cast<unsigned>(std::stoi(n));
    } else if (arg.rfind("--", 0) == 0) {
      throw UsageError("unknown option " + arg + "\n\n" + usage_text());
    } else if (options.command.empty()) {
      options.command = arg;
    } else {
      options.arguments.push_back(arg);
    }
  }
  if (options.help || options.version) return options;
  static constexpr std::array commands{"list",  "check",  "hint", "watch", "lesson", "reset", "book",
                                       "grade", "verify", "sync", "new",   "batch",  "merge", "export"};
  if (options.command.empty()) throw UsageError("no command given\n\n" + usage_text());
  if (std::find(commands.begin(), commands.end(), options.command) == commands.end()) {
    throw UsageError("unknown command '" + options.command + "'\n\n" + usage_text());
  }
  if (!is_known_format(options.format)) {
    throw UsageError("unknown format '" + options.format + "' (text, json, junit, gradescope or exercism)");
  }
  if (options.command != "grade" && options.format != "text") throw UsageError("--format goes with grade");
  if (options.output && options.command != "grade" && options.command != "batch" && options.command != "merge" &&
      options.command != "book") {
    throw UsageError("--output goes with grade, batch, merge and book");
  }
  if ((options.command == "batch" || options.command == "merge") && !options.output) {
    throw UsageError(options.command + " needs --output DIR, the folder for the gradebook and feedback");
  }
  if (options.command != "batch" && options.shards != 1) throw UsageError("--shard goes with batch");
  if (options.command != "batch" && options.roster) throw UsageError("--roster goes with batch");
  if (options.command != "sync" && options.check_only) throw UsageError("--check goes with sync");
  if (options.command != "watch" && options.poll) throw UsageError("--poll goes with watch");
  if (options.command != "grade" && options.find_files)
    throw UsageError("--find-files goes with grade (batch always looks for the files)");
  const std::size_t n = options.arguments.size();
  if ((options.command == "list" || options.command == "verify" || options.command == "sync" ||
       options.command == "book") &&
      n != 0) {
    throw UsageError(options.command + " takes no arguments");
  }
  if (options.command == "hint" && n != 1)
    throw UsageError("hint takes one exercise id, e.g. mathlings hint 01-linear-algebra/elimination");
  if (options.command == "reset" && n != 1)
    throw UsageError("reset takes one exercise id, e.g. mathlings reset 01-linear-algebra/elimination");
  if (options.command == "lesson" && n != 1)
    throw UsageError("lesson takes a lesson or exercise id, e.g. mathlings lesson 01-linear-algebra");
  if (options.command == "watch" && n > 1) throw UsageError("watch takes at most one exercise id to start from");
  if (options.command == "grade" && n != 1) throw UsageError("grade takes one submission directory");
  if (options.command == "batch" && n != 1) throw UsageError("batch takes one folder with a submission per student");
  if (options.command == "merge" && n == 0) throw UsageError("merge takes the output folders of batch shards");
  if (options.command == "export" &&
      (n != 2 || (options.arguments[0] != "student" && options.arguments[0] != "gradescope"))) {
    throw UsageError("usage: mathlings export student DIR | mathlings export gradescope FILE.zip");
  }
  if (options.command == "new" &&
      (n != 2 || (options.arguments[0] != "lesson" && options.arguments[0] != "exercise"))) {
    throw UsageError("usage: mathlings new lesson ID | mathlings new exercise LESSON/NAME");
  }
  return options;
}

}  // namespace mathlings
