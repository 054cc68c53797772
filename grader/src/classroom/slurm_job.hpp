// A class graded on a Slurm cluster, as files and arguments: what `mathlings
// batch ROOT --output DIR --slurm N` hands the scheduler (slurm_client.hpp
// hands it over and follows it).
//
// Two jobs. A job array whose task K grades shard K of N into
// DIR/shards/shard-K — a batch like any other: it resumes, and it records
// its shard (shard_manifest.hpp). And a merge job that runs after every task
// has ended, however it ended (afterany), and joins the shards into DIR; it
// refuses a set with a shard missing (merge.hpp), so a failed or cancelled
// task never passes for a whole class, and its log says how to submit those
// shards again (--only-shards).
//
// Everything a task needs is an absolute path written into its script when it
// is submitted — sbatch runs a copy of the script from its spool folder, so
// nothing may be found relative to where the script lies — and every path is
// quoted for the shell (shell_quoted): a folder named `$(rm -rf ~)` stays a
// name. The tasks share the course's cache: each object is written under a
// temporary name and renamed into place, safe between processes and machines.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mathlings {

struct SlurmJobSpec {
  std::filesystem::path mathlings;  ///< the grader the tasks run: this one
  std::filesystem::path course_dir, cache_dir, root, output;
  std::optional<std::filesystem::path> roster;
  /// The term gradebook the merge job records into (default DIR/gradebook.db);
  /// array tasks never open it.
  std::optional<std::filesystem::path> gradebook;
  std::string assignment;  ///< of term.yaml; empty: the whole course
  unsigned shards = 1;
  std::vector<unsigned> only;  ///< the shards to submit; empty: all
  // What each task asks of the cluster, as sbatch's options of those names take it.
  std::string partition, account;  ///< empty: the cluster's default
  std::string time = "1:00:00";
  std::string memory = "4G";
  unsigned cpus_per_task = 2;
};

/// Where a cluster run keeps its parts, under the batch's --output DIR.
std::filesystem::path slurm_dir(const std::filesystem::path& output);   ///< DIR/slurm: scripts, logs, job ids
std::filesystem::path shards_dir(const std::filesystem::path& output);  ///< DIR/shards: one batch output a shard
/// Each shard's log, each attempt's output after the last's.
std::filesystem::path shard_log(const std::filesystem::path& output, unsigned shard);
std::filesystem::path merge_log(const std::filesystem::path& output, const std::string& merge_job);

/// Throws UsageError when `spec` cannot be right: shards out of range, or an
/// output path holding what sbatch reads as a pattern in log names (% or \).
void check_job_spec(const SlurmJobSpec& spec);

/// The shell script of the array's tasks and of the merge job.
std::string shard_task_script(const SlurmJobSpec& spec);
std::string merge_job_script(const SlurmJobSpec& spec);

/// sbatch's arguments for the job array and for the merge job after it.
std::vector<std::string> shards_job_arguments(const SlurmJobSpec& spec, const std::filesystem::path& script);
std::vector<std::string> merge_job_arguments(const SlurmJobSpec& spec, const std::string& shards_job,
                                             const std::filesystem::path& script);

/// The command an instructor types to grade `shards` ("3,7") again and merge
/// the class, with every option this run was given.
std::string resubmit_command(const SlurmJobSpec& spec, const std::string& shards);

/// Parses "3,7" or "1-4,9" into shard numbers, each within 1..shards.
std::vector<unsigned> parse_shard_list(const std::string& list, unsigned shards);

/// 3, 7 as "3,7".
std::string shard_list(const std::vector<unsigned>& shards);

}  // namespace mathlings
