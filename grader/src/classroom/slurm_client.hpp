// The cluster run of slurm_job.hpp handed to Slurm and followed to its end,
// through Slurm's own commands (sbatch, scontrol) found on the PATH with the
// grader's environment, as an instructor's shell would find them.
//
// A submission records its job ids in DIR/slurm/jobs; the next submission to
// the same DIR waits for none of them but refuses while any still runs (two
// tasks grading one shard at once would trip over each other), and sets the
// earlier merged gradebook aside, so that a merge that refuses leaves no
// stale gradebook passing for the new one.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "classroom/slurm_job.hpp"

namespace mathlings {

struct SubmittedJobs {
  std::string shards_job;  ///< the job array's id
  std::string merge_job;
  /// Where the earlier merged gradebook of DIR was moved, if there was one.
  std::optional<std::filesystem::path> set_aside;
};

/// Checks the request against DIR (the same split; no earlier job of it still
/// running), writes the scripts and submits both jobs. Throws UsageError for
/// a request that cannot be right, GraderError when Slurm refuses or does not
/// answer.
SubmittedJobs submit_to_slurm(const SlurmJobSpec& spec);

/// One job or array task, as `scontrol -o show job` says.
struct SlurmTask {
  unsigned index = 0;  ///< the array task's index; 0 for a job that is no array
  std::string state;   ///< PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
  int exit_code = 0;   ///< of the script, when it ended
  std::string reason;  ///< why it waits, or why it ended
  bool ended() const;
  /// Pending for a reason that no waiting mends (DependencyNeverSatisfied, a
  /// time limit above the partition's, an account it may not use, ...).
  bool can_never_run() const;
};

/// Every task in `scontrol -o show job` output (read with SLURM_BITSTR_LEN=0,
/// so that no range is cut short), a pending range (ArrayTaskId=3-5,8 or
/// 1-9:2) expanded into its tasks.
std::vector<SlurmTask> parse_job_states(const std::string& scontrol_output);

struct FollowedJobs {
  std::vector<SlurmTask> shards;  ///< each array task as last seen, by index
  SlurmTask merge;                ///< state "UNKNOWN" when Slurm forgot it before it was seen to end
  /// Set when a job waits for what cannot come: which, and why.
  std::string stuck;
};

/// Polls Slurm until the merge job has ended, or a job can never run,
/// writing a progress line to `progress` whenever the count of tasks in each
/// state changes. A task Slurm has forgotten keeps the state it was last
/// seen in; a few failed polls in a row are retried.
FollowedJobs follow_slurm_jobs(const SubmittedJobs& jobs, std::ostream& progress, bool progress_is_terminal);

}  // namespace mathlings
