// The command line as it was before CLI11 parsed it: options of mathlings
// before or after the command, a command's own after it, values checked, and
// each fault a UsageError that says what to do.
#include "app/cli.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "model/course_location.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

std::string usage_error(const std::vector<std::string>& args) {
  try {
    parse_command_line(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(CommandLine, GlobalOptionsGoBeforeOrAfterTheCommand) {
  const Options before = parse_command_line({"--course", "/c", "--cache", "/k", "--jobs", "3", "check", "a", "b"});
  EXPECT_EQ(before.command, "check");
  EXPECT_EQ(before.arguments, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(before.course_dir, "/c");
  EXPECT_TRUE(before.course_given);
  EXPECT_EQ(before.cache_dir, "/k");
  EXPECT_TRUE(before.cache_given);
  EXPECT_EQ(before.jobs, 3u);
  const Options after = parse_command_line({"batch", "class", "--output", "out", "--jobs", "2", "--course", "/c"});
  EXPECT_EQ(after.jobs, 2u);
  EXPECT_EQ(after.course_dir, "/c");
  EXPECT_EQ(after.output, fs::path("out"));
}

TEST(CommandLine, ACommandsOwnOptionsFillOptions) {
  const Options grade = parse_command_line({"grade", "dir", "--format", "json", "--output", "r.json", "--find-files"});
  EXPECT_EQ(grade.command, "grade");
  EXPECT_EQ(grade.arguments, std::vector<std::string>{"dir"});
  EXPECT_EQ(grade.format, "json");
  EXPECT_EQ(grade.output, fs::path("r.json"));
  EXPECT_TRUE(grade.find_files);
  const Options batch = parse_command_line({"batch", "class", "--output", "o", "--shard", "2/8", "--roster", "r.csv"});
  EXPECT_EQ(batch.shard, 2u);
  EXPECT_EQ(batch.shards, 8u);
  EXPECT_EQ(batch.roster, fs::path("r.csv"));
  EXPECT_TRUE(parse_command_line({"watch", "--poll"}).poll);
  EXPECT_TRUE(parse_command_line({"sync", "--check"}).check_only);
  const Options defaults = parse_command_line({"list"});
  EXPECT_EQ(defaults.format, "text");
  EXPECT_FALSE(defaults.output);
  EXPECT_EQ(defaults.jobs, 0u);
  EXPECT_EQ(defaults.shards, 1u);
  // The last of a repeated option counts.
  EXPECT_EQ(parse_command_line({"grade", "d", "--output", "a", "--output", "b"}).output, fs::path("b"));
}

TEST(CommandLine, TheClusterOptionsOfBatchFillOptionsAndRefuseWhatSlurmWould) {
  const Options slurm = parse_command_line({"batch", "class", "--output", "o", "--slurm", "8", "--wait",
                                            "--only-shards", "3,7", "--partition", "short", "--account", "math101",
                                            "--time", "2:00:00", "--mem", "8G", "--cpus-per-task", "4"});
  EXPECT_EQ(slurm.slurm_shards, 8u);
  EXPECT_TRUE(slurm.wait);
  EXPECT_EQ(slurm.only_shards, "3,7");
  EXPECT_EQ(slurm.partition, "short");
  EXPECT_EQ(slurm.account, "math101");
  EXPECT_EQ(slurm.slurm_time, "2:00:00");
  EXPECT_EQ(slurm.slurm_memory, "8G");
  EXPECT_EQ(slurm.cpus_per_task, 4u);
  EXPECT_EQ(parse_command_line({"batch", "c", "--output", "o", "--slurm", "2", "--time", "UNLIMITED"}).slurm_time,
            "UNLIMITED");
  const auto refused = [](std::vector<std::string> extra) {
    std::vector<std::string> args{"batch", "c", "--output", "o", "--slurm", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return usage_error(args);
  };
  EXPECT_EQ(usage_error({"batch", "c", "--output", "o", "--slurm", "0"}),
            "--slurm takes a number of shards from 1 to 9999");
  EXPECT_EQ(refused({"--time", "1h"}), "--time takes a value like 2:00:00, not '1h'");
  EXPECT_EQ(refused({"--mem", "G4"}), "--mem takes a value like 4G, not 'G4'");
  EXPECT_EQ(refused({"--partition", "a b"}), "--partition takes a value like batch, not 'a b'");
  EXPECT_EQ(refused({"--cpus-per-task", "0"}), "--cpus-per-task takes a whole number from 1 to 999");
  EXPECT_EQ(parse_command_line({"merge", "s", "--output", "o", "--partial"}).partial, true);
}

TEST(CommandLine, AWordAfterTheCommandIsAnArgumentEvenWhenItNamesACommand) {
  EXPECT_EQ(parse_command_line({"new", "lesson", "08-new"}).arguments, (std::vector<std::string>{"lesson", "08-new"}));
  EXPECT_EQ(parse_command_line({"lesson", "list"}).arguments, std::vector<std::string>{"list"});
  EXPECT_EQ(usage_error({"list", "check"}), "list takes no arguments");
}

TEST(CommandLine, BadValuesAreNamed) {
  EXPECT_EQ(usage_error({"grade", "d", "--format", "xml"}),
            "unknown format 'xml' (text, json, junit, gradescope or exercism)");
  EXPECT_EQ(usage_error({"--jobs", "0", "list"}), "--jobs takes a whole number from 1 to 999");
  EXPECT_EQ(usage_error({"--jobs", "many", "list"}), "--jobs takes a whole number from 1 to 999");
  EXPECT_EQ(usage_error({"batch", "c", "--output", "o", "--shard", "2"}), "--shard takes K/N, like 2/8");
  EXPECT_EQ(usage_error({"batch", "c", "--output", "o", "--shard", "9/8"}), "--shard K/N needs 1 ≤ K ≤ N");
  EXPECT_NE(usage_error({"grade", "d", "--output"}).find("--output"), std::string::npos);
}

TEST(CommandLine, NoCommandOrAnUnknownOneShowsTheHelp) {
  const std::string none = usage_error({});
  EXPECT_EQ(none.rfind("no command given\n\nusage: mathlings", 0), 0u) << none;
  const std::string unknown = usage_error({"--cache", "/k", "grdae"});
  EXPECT_EQ(unknown.rfind("unknown command 'grdae'\n\nusage: mathlings", 0), 0u) << unknown;
  EXPECT_TRUE(parse_command_line({"--version"}).version);
}

TEST(CommandLine, AnOptionOfTheCommandBeforeItIsNamed) {
  EXPECT_EQ(usage_error({"--format", "json", "grade", "d"}).rfind("--format is an option of grade: give it after", 0),
            0u);
  EXPECT_EQ(usage_error({"check", "--poll"}), "check takes no --poll: --poll goes with watch");
}

// Moved from the course location's tests: what the command line says wins
// over the course found from the working directory.
TEST(CommandLine, TheCommandLineWinsOverTheCourseFound) {
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-cli-test-"};
  const fs::path course = work.path() / "course";
  fs::create_directories(course / "exercises");
  std::ofstream(course / "course.yaml") << "title: t\nlessons: []\n";
  std::ostringstream err;
  Options options = parse_command_line({"--course", "/some/course", "--cache", "/some/cache", "list"});
  locate_course(options, course, "/the/built/course", err);
  EXPECT_EQ(options.course_dir, "/some/course");
  EXPECT_EQ(options.cache_dir, "/some/cache");
  options = parse_command_line({"--course", "/some/course", "list"});
  locate_course(options, course, "/the/built/course", err);
  EXPECT_EQ(options.cache_dir, fs::path("/some/course/.mathlings/cache"));
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace mathlings
