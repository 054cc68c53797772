// A class graded on a Slurm cluster: `mathlings batch ROOT --output DIR
// --slurm N` writes two job scripts into DIR/slurm/ and submits them — a job
// array whose task K grades shard K of N into DIR/shards/shard-K (a batch
// like any other: it resumes, it records its shard), and a merge job that
// runs after every task has ended, however it ended (afterany), and joins
// the shards into DIR. The merge refuses a set with a shard missing
// (merge.hpp), so a failed or cancelled task never passes for a whole class;
// submitting again with --only-shards grades just those shards and merges.
//
// Everything a task needs is an absolute path written into its script when it
// is submitted — sbatch runs a copy of the script from its spool folder, so
// nothing may be found relative to where the script lies. Paths are quoted
// for the shell (shell_quoted): a folder named `$(rm -rf ~)` stays a name.
// Tasks share the course's cache: each object is written under a temporary
// name and renamed into place, which is safe between processes and machines.
//
// Slurm is reached only through its commands (sbatch, scontrol), found on
// the PATH with the grader's own environment, as an instructor's shell would.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace mathlings {

struct SlurmJobSpec {
  std::filesystem::path mathlings;  ///< the grader the tasks run: this one
  std::filesystem::path course_dir, cache_dir, root, output;
  std::optional<std::filesystem::path> roster;
  unsigned shards = 1;
  std::vector<unsigned> only;  ///< the shards to submit; empty: all
  // What each task asks of the cluster, as sbatch's options of those names take it.
  std::string partition, account;  ///< empty: the cluster's default
  std::string time = "1:00:00";
  std::string memory = "4G";
  unsigned cpus_per_task = 2;
};

struct SubmittedJobs {
  std::string shards_job;  ///< the job array's id
  std::string merge_job;
};

/// Where a cluster run keeps its parts, under the batch's --output DIR.
std::filesystem::path slurm_dir(const std::filesystem::path& output);   ///< DIR/slurm: scripts, logs
std::filesystem::path shards_dir(const std::filesystem::path& output);  ///< DIR/shards: one batch output a shard
/// Each shard's log, each attempt's output after the last's.
std::filesystem::path shard_log(const std::filesystem::path& output, unsigned shard);
std::filesystem::path merge_log(const std::filesystem::path& output, const std::string& merge_job);

/// The shell script of the array's tasks and of the merge job.
std::string shard_task_script(const SlurmJobSpec& spec);
std::string merge_job_script(const SlurmJobSpec& spec);

/// The command an instructor types to grade `shards` ("3,7") again on the
/// cluster and merge the class, as this run was asked for.
std::string resubmit_command(const SlurmJobSpec& spec, const std::string& shards);

/// sbatch's arguments for the job array and for the merge job after it.
std::vector<std::string> shards_job_arguments(const SlurmJobSpec& spec, const std::filesystem::path& script);
std::vector<std::string> merge_job_arguments(const SlurmJobSpec& spec, const std::string& shards_job,
                                             const std::filesystem::path& script);

/// Checks the request against what DIR already holds (an earlier run split
/// the class in as many shards), writes the scripts and submits both jobs.
/// Throws UsageError for a request that cannot be right, GraderError when
/// Slurm refuses or does not answer.
SubmittedJobs submit_to_slurm(const SlurmJobSpec& spec);

/// One job or array task, as `scontrol -o show job` says.
struct SlurmTask {
  unsigned index = 0;  ///< the array task's index; 0 for a job that is no array
  std::string state;   ///< PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
  int exit_code = 0;   ///< of the script, when it ended
  bool ended() const;
};

/// Every task in `scontrol -o show job` output, a pending range (ArrayTaskId=3-5,8)
/// expanded into its tasks.
std::vector<SlurmTask> parse_job_states(const std::string& scontrol_output);

struct FollowedJobs {
  std::vector<SlurmTask> shards;  ///< the array's tasks by shard
  SlurmTask merge;
};

/// Polls Slurm until the merge job has ended, writing a progress line to
/// `progress` whenever the count of tasks in each state changes.
FollowedJobs follow_slurm_jobs(const SubmittedJobs& jobs, std::ostream& progress, bool progress_is_terminal);

/// Parses "3,7" or "1-4,9" into shard numbers, each within 1..shards.
std::vector<unsigned> parse_shard_list(const std::string& list, unsigned shards);

}  // namespace mathlings
