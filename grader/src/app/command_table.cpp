#include "app/command_table.hpp"

#include <algorithm>

#include "app/handlers.hpp"

namespace mathlings {

namespace {
constexpr std::size_t any_number = CommandArguments::any_number;
}  // namespace

const std::vector<Command>& command_table() {
  static const std::vector<Command> table{
      {.name = "list",
       .summary = "every exercise, in order, with its status",
       .arguments = {.wrong = "list takes no arguments"},
       .run = list_command},
      {.name = "check",
       .summary = "grade your exercises/ (or the named ones)",
       .arguments = {.usage = "[ID...]", .max = any_number},
       .run = check_command},
      {.name = "hint",
       .summary = "the next hint for an exercise",
       .arguments = {.usage = "ID",
                     .min = 1,
                     .max = 1,
                     .wrong = "hint takes one exercise id, e.g. mathlings hint 01-linear-algebra/elimination"},
       .run = hint_command},
      {.name = "watch",
       .summary = "re-check the exercise you are on at every save",
       .arguments = {.usage = "[ID]", .max = 1, .wrong = "watch takes at most one exercise id to start from"},
       .options = {{"--poll", "", "look for saves by polling, for file systems that report none"}},
       .details = "Keys for hints, the lesson, the list and the next exercise.",
       .run = watch_command},
      {.name = "lesson",
       .summary = "the lesson (of a lesson or an exercise id), in the terminal",
       .arguments = {.usage = "ID",
                     .min = 1,
                     .max = 1,
                     .wrong = "lesson takes a lesson or exercise id, e.g. mathlings lesson 01-linear-algebra"},
       .run = lesson_command},
      {.name = "book",
       .summary = "the lessons as a web site that works offline",
       .arguments = {.wrong = "book takes no arguments"},
       .options = {{"--output", "DIR", "the folder to write it to (default: .mathlings/book)"}},
       .details = "Formulas typeset, figures drawn from the reference solutions and from yours, with your statuses.",
       .run = book_command},
      {.name = "reset",
       .summary = "restore an exercise's stub",
       .arguments = {.usage = "ID",
                     .min = 1,
                     .max = 1,
                     .wrong = "reset takes one exercise id, e.g. mathlings reset 01-linear-algebra/elimination"},
       .details = "Your version is kept in .mathlings/backups/.",
       .run = reset_command},
      {.name = "grade",
       .summary = "grade one submission directory",
       .arguments = {.usage = "DIR", .min = 1, .max = 1, .wrong = "grade takes one submission directory"},
       .options = {{"--format", "text|json|junit|gradescope|exercism", "the result's format (default: text)"},
                   {"--output", "FILE", "write the result there, not to standard output"},
                   {"--find-files", "",
                    "also grade files in a folder inside DIR, or not in their lessons' folders; the result says "
                    "where they were found"}},
       .run = grade_command},
      {.name = "batch",
       .summary = "grade a class: a folder, .zip or .tar.gz per student in ROOT",
       .arguments =
           {.usage = "ROOT", .min = 1, .max = 1, .wrong = "batch takes one folder with a submission per student"},
       .options = {{"--output", "DIR", "the folder for the gradebook and feedback", true},
                   {"--shard", "K/N", "grade only the K-th of N parts of the class (join them with merge)"},
                   {"--roster", "FILE", "a row for everyone on it, \"missing\" for those who handed in nothing"},
                   {"--assignment", "ID", "grade only this assignment of term.yaml: its exercises, its scores"},
                   {"--gradebook", "FILE.db",
                    "record every grading in this term gradebook (default: DIR/gradebook.db; never by a shard)"},
                   {"--slurm", "N", "grade on a Slurm cluster: N array tasks, one shard each, then a merge job"},
                   {"--wait", "", "with --slurm: follow the jobs to the end and print the gradebook's summary"},
                   {"--only-shards", "LIST", "with --slurm: submit only these shards again, like 3,7 (then merge)"},
                   {"--partition", "NAME", "with --slurm: the partition (default: the cluster's)"},
                   {"--account", "NAME", "with --slurm: the account to charge (default: yours)"},
                   {"--time", "LIMIT", "with --slurm: each task's time limit, as sbatch takes it (default 1:00:00)"},
                   {"--mem", "SIZE", "with --slurm: each task's memory (default 4G)"},
                   {"--cpus-per-task", "N", "with --slurm: each task's cores (default 2)"}},
       .details = "The files are found as with grade --find-files. Writes DIR/gradebook.csv, gradebook.json and "
                  "feedback/; run it again to resume. With --slurm, the shards go to DIR/shards/, the job scripts "
                  "and logs to DIR/slurm/, and the merged gradebook to DIR.",
       .run = batch_command},
      {.name = "merge",
       .summary = "join the outputs of batch shards into one gradebook",
       .arguments =
           {.usage = "DIR...", .min = 1, .max = any_number, .wrong = "merge takes the output folders of batch shards"},
       .options = {{"--output", "DIR", "the folder for the gradebook and feedback", true},
                   {"--assignment", "ID", "the assignment the shards were graded for (as batch was given)"},
                   {"--gradebook", "FILE.db",
                    "record every grading in this term gradebook (default: DIR/gradebook.db)"},
                   {"--partial", "",
                    "when a shard is missing or did not finish, write what there is, its students not_graded"}},
       .details = "Each DIR is a batch output or a folder of them. A set with a shard missing is refused, nothing "
                  "written, unless --partial.",
       .run = merge_command},
      {.name = "regrade",
       .summary = "grade a class again after the course changed, recording why",
       .arguments = {.usage = "ROOT",
                     .min = 1,
                     .max = 1,
                     .wrong = "regrade takes the folder of submissions the earlier batch graded"},
       .options = {{"--output", "DIR", "the earlier batch's output: what is kept, and where the new one goes", true},
                   {"--reason", "TEXT", "why: recorded in the term gradebook with every grading it changes", true},
                   {"--roster", "FILE", "as batch was given"},
                   {"--assignment", "ID", "as batch was given"},
                   {"--gradebook", "FILE.db", "the term gradebook (default: DIR/gradebook.db)"}},
       .details = "Grades again only the exercises whose spec or solution changed (everything, when a file every "
                  "exercise shares changed; all of a hand-in that changed), keeps the rest of each result, and "
                  "lists the scores that changed, old and new. The term gradebook keeps the old gradings beside "
                  "the new; mathlings gradebook history STUDENT shows both.",
       .run = regrade_command},
      {.name = "gradebook",
       .summary = "read the term gradebook: a student's history, or every grade for an LMS",
       .arguments = {.usage = "history STUDENT | export canvas|moodle|csv|json | items",
                     .min = 1,
                     .max = 2,
                     .keywords = {"history", "export", "items"},
                     .wrong = "usage: mathlings gradebook history STUDENT | export canvas|moodle|csv|json | items "
                              "--gradebook FILE.db"},
       .options = {{"--gradebook", "FILE.db", "the term gradebook batch and merge recorded into", true},
                   {"--roster", "FILE", "export: who is exported, and who they are in the LMS"},
                   {"--output", "FILE", "export: write it there (default: standard output)"},
                   {"--assignment", "ID", "items: the assignment (needed when the gradebook holds several)"}},
       .details = "history STUDENT: every grading of theirs, oldest first — when, for which assignment, the score, "
                  "the hand-in, course and grader it was graded with, a regrade's reason.\n"
                  "export FORMAT: each student's latest grade of each assignment of term.yaml. canvas: Canvas's "
                  "gradebook import (--roster: Canvas's own gradebook export); moodle: Moodle's grade import (the "
                  "roster's identity columns); csv, json: plain.\n"
                  "items: per exercise and test of an assignment, facility and discrimination (as Moodle's quiz "
                  "statistics define them), the items to look at flagged.",
       .run = gradebook_command},
      {.name = "export",
       .summary = "the course as learners get it, or as a Gradescope autograder",
       .arguments = {.usage = "student DIR | gradescope FILE.zip",
                     .min = 2,
                     .max = 2,
                     .keywords = {"student", "gradescope"},
                     .wrong = "usage: mathlings export student DIR | mathlings export gradescope FILE.zip"},
       .details = "student DIR: no solutions, no hidden tests, the visible tests' expected outcomes as data.\n"
                  "gradescope FILE.zip: a Gradescope autograder (setup.sh, run_autograder).",
       .run = export_command},
      {.name = "verify",
       .summary = "check the course",
       .arguments = {.wrong = "verify takes no arguments"},
       .details = "References score full marks, stubs zero and are up to date, every test can fail, lesson "
                  "examples run, sources are formatted.",
       .needs_solutions = true,
       .run = verify_command},
      {.name = "sync",
       .summary = "generate exercises/ from the marked solutions/",
       .arguments = {.wrong = "sync takes no arguments"},
       .options = {{"--check", "", "only report the stubs that differ; exit 1 if any"}},
       .audience = Audience::course_authors,
       .needs_solutions = true,
       .run = sync_command},
      {.name = "new",
       .summary = "scaffold a lesson or an exercise",
       .arguments = {.usage = "lesson ID | exercise LESSON/NAME",
                     .min = 2,
                     .max = 2,
                     .keywords = {"lesson", "exercise"},
                     .wrong = "usage: mathlings new lesson ID | mathlings new exercise LESSON/NAME"},
       .details = "lesson ID: its header, lesson text and manifest entry.\n"
                  "exercise LESSON/NAME: its header entry, solution, spec and stub.",
       .audience = Audience::course_authors,
       .run = new_command},
  };
  return table;
}

const std::vector<CommandOption>& global_options() {
  static const std::vector<CommandOption> options{
      {"--course", "DIR",
       "the course (default: the nearest folder with a course.yaml, from here upwards; else the repository "
       "mathlings was built from)"},
      {"--cache", "DIR", "where builds are cached (default: the course's .mathlings/cache)"},
      {"--jobs", "N", "exercises graded at once (default: one per core)"},
  };
  return options;
}

const Command* find_command(std::string_view name) {
  const auto& table = command_table();
  const auto found = std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == name; });
  return found == table.end() ? nullptr : &*found;
}

std::string option_usage(const CommandOption& option) {
  return std::string(option.name) + (option.value.empty() ? "" : " " + std::string(option.value));
}

std::string usage_line(const Command& command) {
  std::string line(command.name);
  if (!command.arguments.usage.empty()) line += " " + std::string(command.arguments.usage);
  for (const auto& option : command.options)
    line += " " + (option.required ? option_usage(option) : "[" + option_usage(option) + "]");
  return line;
}

}  // namespace mathlings
