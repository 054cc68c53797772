// The Slurm path without a cluster: the job scripts, run by a real shell with a
// stand-in grader, call it with the absolute paths they were given whatever
// those hold; sbatch's arguments; scontrol's states read; shard lists checked.
// tests/slurm/ runs the whole path on a real single-node cluster.
#include "classroom/slurm_client.hpp"
#include "classroom/slurm_job.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "base/errors.hpp"
#include "base/escaping.hpp"
#include "base/files.hpp"
#include "classroom/shard_manifest.hpp"
#include "exec/process.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class SlurmScripts : public ::testing::Test {
 protected:
  void SetUp() override {
    // Every path holds what a shell would take for code.
    const fs::path odd = work.path() / "it's $(touch pwned) `id` a b";
    spec.mathlings = odd / "bin" / "mathlings";
    spec.course_dir = odd / "course";
    spec.cache_dir = odd / "cache";
    spec.root = odd / "class";
    spec.output = odd / "out";
    spec.roster = odd / "roster.csv";
    spec.shards = 4;
    // The stand-in grader writes its arguments one a line, and exits as told.
    write_file_atomically(spec.mathlings,
                          "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$ARGS\"\n"
                          "exit \"${EXIT_WITH:-0}\"\n");
    fs::permissions(spec.mathlings, fs::perms::owner_all);
  }

  /// Runs `script` as Slurm would run task 2 with 3 CPUs; its exit code.
  int run(const std::string& script, int grader_exit) {
    const fs::path file = work.path() / "job.sh";
    write_file_atomically(file, script);
    ProcessSpec process;
    process.argv = {"/bin/sh", file.string()};
    process.environment = {"ARGS=" + args_file().string(), "EXIT_WITH=" + std::to_string(grader_exit),
                           "SLURM_ARRAY_TASK_ID=2", "SLURM_CPUS_PER_TASK=3", "PATH=/usr/bin:/bin"};
    process.working_directory = work.path();
    const ProcessResult result = run_process(process);
    EXPECT_EQ(result.end, ProcessResult::End::exited) << result.output;
    said = result.output;
    return result.exit_code;
  }
  fs::path args_file() const { return work.path() / "args.txt"; }
  std::vector<std::string> arguments() const {
    std::vector<std::string> args;
    std::ifstream in(args_file());
    for (std::string line; std::getline(in, line);) args.push_back(line);
    return args;
  }

  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-slurm-test-"};
  SlurmJobSpec spec;
  std::string said;  ///< what the script printed
};

TEST_F(SlurmScripts, ATaskGradesItsShardWithThePathsItWasGivenWhateverTheyHold) {
  EXPECT_EQ(run(shard_task_script(spec), 0), 0);
  EXPECT_EQ(arguments(), (std::vector<std::string>{
                             "--course", spec.course_dir.string(), "--cache", spec.cache_dir.string(), "--jobs", "3",
                             "batch", spec.root.string(), "--shard", "2/4", "--output",
                             (spec.output / "shards" / "shard-2").string(), "--roster", spec.roster->string()}));
  EXPECT_FALSE(fs::exists(work.path() / "pwned"));
}

TEST_F(SlurmScripts, ATaskFailsOnlyWhenTheShardCouldNotBeGraded) {
  EXPECT_EQ(run(shard_task_script(spec), 1), 0);  // some hand-in unreadable: their row says so
  EXPECT_EQ(run(shard_task_script(spec), 2), 2);  // not graded, or the course broken: grade it again
}

TEST_F(SlurmScripts, TheMergeJobJoinsTheShardsIntoTheOutput) {
  EXPECT_EQ(run(merge_job_script(spec), 0), 0);
  EXPECT_EQ(arguments(),
            (std::vector<std::string>{"--course", spec.course_dir.string(), "--cache", spec.cache_dir.string(), "merge",
                                      (spec.output / "shards").string(), "--output", spec.output.string()}));
  EXPECT_EQ(said, "");
  spec.gradebook = work.path() / "term's.db";  // only the merge job records into it
  EXPECT_EQ(run(merge_job_script(spec), 0), 0);
  EXPECT_EQ(arguments().back(), spec.gradebook->string());
  EXPECT_EQ(shard_task_script(spec).find("gradebook"), std::string::npos);
  spec.assignment = "linear-algebra";  // tasks and merge grade the same part of the course
  EXPECT_EQ(run(shard_task_script(spec), 0), 0);
  EXPECT_EQ(arguments().at(8), "--assignment");
  EXPECT_EQ(arguments().at(9), "linear-algebra");
  EXPECT_EQ(run(merge_job_script(spec), 0), 0);
  EXPECT_EQ(arguments().at(6), "--assignment");
  spec.assignment = "";
  EXPECT_EQ(run(merge_job_script(spec), 2), 2);  // written, some students not graded: the job says so
  EXPECT_EQ(said, "");
  EXPECT_EQ(run(merge_job_script(spec), 3), 3);  // a shard missing: the job fails, its log says how to go on
  EXPECT_NE(said.find("batch " + shell_quoted(spec.root.string()) + " --output " + shell_quoted(spec.output.string()) +
                      " --slurm 4 --only-shards <their numbers, like 3,7> --roster"),
            std::string::npos)
      << said;
}

TEST_F(SlurmScripts, SbatchIsAskedForTheArrayAndForAMergeAfterItHoweverItEnds) {
  const fs::path script = spec.output / "slurm" / "shard-task.sh";
  auto args = shards_job_arguments(spec, script);
  const auto has = [&](const std::string& arg) { return std::find(args.begin(), args.end(), arg) != args.end(); };
  EXPECT_EQ(args.front(), "sbatch");
  EXPECT_EQ(args.back(), script.string());
  EXPECT_TRUE(has("--parsable"));
  EXPECT_TRUE(has("--array=1-4"));
  EXPECT_TRUE(has("--cpus-per-task=2"));
  EXPECT_TRUE(has("--mem=4G"));
  EXPECT_TRUE(has("--time=1:00:00"));
  EXPECT_FALSE(
      std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.starts_with("--partition"); }));
  spec.only = {3, 7};
  spec.shards = 8;
  spec.partition = "short";
  args = shards_job_arguments(spec, script);
  EXPECT_TRUE(has("--array=3,7"));
  EXPECT_TRUE(has("--partition=short"));
  args = merge_job_arguments(spec, "123", script);
  EXPECT_TRUE(has("--dependency=afterany:123"));
  EXPECT_TRUE(has("--partition=short"));
}

TEST_F(SlurmScripts, ASubmissionThatWouldMixTwoSplitsOfTheClassIsRefusedBeforeSlurmIsAsked) {
  const fs::path earlier = spec.output / "shards" / "shard-1";
  fs::create_directories(earlier);
  write_shard_manifest(
      earlier,
      {.shard = 1, .shards = 3, .course = "c", .assignment = "", .roster = "", .finished = true, .members = {}});
  try {
    submit_to_slurm(spec);
    FAIL() << "submitted a split in 4 beside one in 3";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("split in 3 shards: give --slurm 3"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(spec.output / "slurm"));
  write_shard_manifest(
      earlier,
      {.shard = 1, .shards = 4, .course = "c", .assignment = "bayes", .roster = "", .finished = true, .members = {}});
  try {
    submit_to_slurm(spec);
    FAIL() << "submitted the whole course beside shards of an assignment";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("holds shards graded for assignment bayes"), std::string::npos) << e.what();
  }
}

TEST_F(SlurmScripts, TheCommandToGradeShardsAgainKeepsEveryOptionOfTheRun) {
  spec.partition = "short";
  spec.account = "math101";
  spec.time = "3:00:00";
  spec.memory = "8G";
  spec.cpus_per_task = 4;
  const std::string command = resubmit_command(spec, "3,7");
  for (const char* option : {" --slurm 4 --only-shards 3,7", " --partition short", " --account math101",
                             " --time 3:00:00", " --mem 8G", " --cpus-per-task 4", " --wait"}) {
    EXPECT_NE(command.find(option), std::string::npos) << option << " missing from " << command;
  }
  EXPECT_EQ(resubmit_command(SlurmJobSpec{}, "1").find("--time"), std::string::npos);  // a default is not repeated
}

TEST_F(SlurmScripts, AnOutputFolderSlurmWouldReadAsALogPatternIsRefused) {
  EXPECT_NO_THROW(check_job_spec(spec));
  for (const char* odd : {"out-%j", "out\\x"}) {
    spec.output = work.path() / odd;
    EXPECT_THROW(check_job_spec(spec), UsageError) << odd;
  }
}

TEST(SlurmStates, EachTaskOfAnArrayIsReadAndAPendingRangeIsOneTaskEach) {
  const std::string said =
      "JobId=12 ArrayJobId=11 ArrayTaskId=1 ArrayTaskThrottle=0 JobName=mathlings-shards UserId=ann(1000) "
      "JobState=COMPLETED Reason=None Dependency=(null) ExitCode=0:0 RunTime=00:00:02\n"
      "JobId=13 ArrayJobId=11 ArrayTaskId=2 JobName=mathlings-shards JobState=FAILED Reason=NonZeroExitCode "
      "ExitCode=2:0\n"
      "JobId=11 ArrayJobId=11 ArrayTaskId=3-4,6%2 JobName=mathlings-shards JobState=PENDING Reason=None "
      "ExitCode=0:0\n";
  const auto tasks = parse_job_states(said);
  ASSERT_EQ(tasks.size(), 5u);
  EXPECT_EQ(tasks[0].index, 1u);
  EXPECT_EQ(tasks[0].state, "COMPLETED");
  EXPECT_TRUE(tasks[0].ended());
  EXPECT_EQ(tasks[1].state, "FAILED");
  EXPECT_EQ(tasks[1].exit_code, 2);
  EXPECT_EQ(tasks[2].index, 3u);
  EXPECT_EQ(tasks[3].index, 4u);
  EXPECT_EQ(tasks[4].index, 6u);
  EXPECT_EQ(tasks[4].state, "PENDING");
  EXPECT_FALSE(tasks[4].ended());
}

TEST(SlurmStates, AJobThatIsNoArrayIsOneTask) {
  const auto tasks = parse_job_states("JobId=14 JobName=mathlings-merge JobState=RUNNING Reason=None ExitCode=0:0\n");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].index, 0u);
  EXPECT_FALSE(tasks[0].ended());
  EXPECT_TRUE(parse_job_states("").empty());
  EXPECT_TRUE((SlurmTask{.index = 0, .state = "CANCELLED", .exit_code = 0, .reason = ""}.ended()));
  EXPECT_TRUE((SlurmTask{.index = 0, .state = "TIMEOUT", .exit_code = 0, .reason = ""}.ended()));
}

TEST(SlurmStates, ARangeWithAStepIsEveryStepthTask) {
  const auto tasks = parse_job_states("JobId=20 ArrayJobId=20 ArrayTaskId=1-9:4 JobState=PENDING Reason=Priority\n");
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[1].index, 5u);
  EXPECT_EQ(tasks[2].index, 9u);
  EXPECT_EQ(tasks[2].reason, "Priority");
  EXPECT_FALSE(tasks[2].can_never_run());  // it waits its turn
  EXPECT_THROW(parse_job_states("JobId=20 ArrayTaskId=1-3,5... JobState=PENDING\n"), GraderError);
}

TEST(SlurmStates, AJobWaitingForWhatCannotComeIsSeen) {
  const auto merge =
      parse_job_states("JobId=21 JobName=mathlings-merge JobState=PENDING Reason=DependencyNeverSatisfied\n");
  ASSERT_EQ(merge.size(), 1u);
  EXPECT_TRUE(merge[0].can_never_run());
  EXPECT_TRUE(parse_job_states("JobId=22 JobState=PENDING Reason=PartitionTimeLimit\n").at(0).can_never_run());
  EXPECT_FALSE(parse_job_states("JobId=23 JobState=PENDING Reason=Resources\n").at(0).can_never_run());
}

TEST(ShardList, TakesNumbersAndRangesWithinTheSplit) {
  EXPECT_EQ(parse_shard_list("3,7", 8), (std::vector<unsigned>{3, 7}));
  EXPECT_EQ(parse_shard_list("2-4,2", 8), (std::vector<unsigned>{2, 3, 4}));
  for (const char* wrong : {"", "0", "9", "a", "3;7", "-", "4-", "3,,7", "2-1", "1-2-3", "123456"}) {
    EXPECT_THROW(parse_shard_list(wrong, 8), UsageError) << wrong;
  }
}

}  // namespace
}  // namespace mathlings
