// mathlings batch ROOT --output DIR --slurm N: the class handed to a Slurm
// cluster (classroom/slurm_job.hpp, slurm_client.hpp), and with --wait
// followed to its gradebook.
#include <unistd.h>

#include <iostream>

#include "app/handlers.hpp"
#include "app/session.hpp"
#include "app/term_gradebook.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "classroom/merge.hpp"
#include "classroom/shard_manifest.hpp"
#include "classroom/slurm_client.hpp"
#include "model/course.hpp"

namespace mathlings {
namespace {

SlurmJobSpec job_spec(const Options& options, const Course& course) {
  SlurmJobSpec spec;
  // Absolute, as each task runs its script from the scheduler's spool folder.
  spec.mathlings = fs::read_symlink("/proc/self/exe");
  spec.course_dir = fs::absolute(course.root);
  spec.cache_dir = fs::absolute(options.cache_dir);
  spec.root = fs::absolute(options.arguments.front());
  if (!fs::is_directory(spec.root)) throw UsageError("batch: no folder " + spec.root.string());
  spec.output = fs::absolute(*options.output);
  if (options.roster) {
    spec.roster = fs::absolute(*options.roster);
    if (!fs::is_regular_file(*spec.roster)) throw UsageError("--roster: no file " + spec.roster->string());
  }
  if (options.gradebook) spec.gradebook = fs::absolute(*options.gradebook);
  spec.assignment = options.assignment;
  spec.shards = options.slurm_shards;
  if (!options.only_shards.empty()) spec.only = parse_shard_list(options.only_shards, spec.shards);
  spec.partition = options.partition;
  spec.account = options.account;
  if (!options.slurm_time.empty()) spec.time = options.slurm_time;
  if (!options.slurm_memory.empty()) spec.memory = options.slurm_memory;
  if (options.cpus_per_task > 0) spec.cpus_per_task = options.cpus_per_task;
  return spec;
}

/// The tasks that ended without completing, each with its log, and the
/// command that grades them again.
void report_failed_shards(const SlurmJobSpec& spec, const FollowedJobs& ended, std::ostream& out) {
  std::vector<unsigned> failed, unfinished;
  for (const auto& task : ended.shards) {
    if (!task.ended()) {
      unfinished.push_back(task.index);
      continue;
    }
    if (task.state == "COMPLETED") continue;
    failed.push_back(task.index);
    out << "shard " << task.index << ": " << task.state
        << (task.state == "FAILED" ? " (exit code " + std::to_string(task.exit_code) + ")" : "")
        << "; its log: " << shard_log(spec.output, task.index).string() << "\n";
    if (task.state == "TIMEOUT") out << "  it ran out of time (--time " << spec.time << "): give it more\n";
    if (task.state == "OUT_OF_MEMORY") out << "  it ran out of memory (--mem " << spec.memory << "): give it more\n";
  }
  if (!unfinished.empty()) {
    out << "shards " << shard_list(unfinished)
        << " had not ended when the merge job did (was it cancelled?): wait for them, then merge — mathlings merge "
        << shards_dir(spec.output).string() << " --output " << spec.output.string() << "\n";
  }
  if (!failed.empty()) {
    out << "Grade " << (failed.size() == 1 ? "it" : "them")
        << " again — each picks up where it stopped — and merge the class:\n  "
        << resubmit_command(spec, shard_list(failed)) << "\n";
  }
}

int report_ending(const SlurmJobSpec& spec, const SubmittedJobs& jobs, const FollowedJobs& ended, std::ostream& out) {
  if (!ended.stuck.empty()) {
    out << "Stopped following the jobs: " << ended.stuck << ". Cancel them (scancel " << jobs.shards_job << ","
        << jobs.merge_job
        << ") and submit again with what the cluster allows (--partition, --account, --time, --mem).\n";
    return 2;
  }
  const fs::path log = merge_log(spec.output, jobs.merge_job);
  std::error_code ec;
  if (fs::exists(log, ec)) out << read_file_prefix(log, 64 << 10);
  report_failed_shards(spec, ended, out);
  const auto manifest = read_shard_manifest(spec.output);
  const bool merged = manifest && manifest->finished;
  const int merge_exit = ended.merge.exit_code;
  if (merge_exit == incomplete_shards_status) return incomplete_shards_status;
  const bool wrote_gradebook = ended.merge.state == "COMPLETED" || (ended.merge.state == "FAILED" && merge_exit == 2) ||
                               (ended.merge.state == "UNKNOWN" && merged);
  if (!wrote_gradebook) {
    out << "The merge job ended " << ended.merge.state << " (exit code " << merge_exit << "): its log is "
        << log.string() << "\n";
    return 2;
  }
  out << "Gradebook: " << (spec.output / "gradebook.csv").string() << "; feedback in "
      << (spec.output / "feedback").string() << "/\n";
  return class_exit_status(read_merged_rows(spec.output));
}

}  // namespace

int batch_on_slurm(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.jobs != 0) throw UsageError("--jobs with --slurm: each task runs as many jobs as --cpus-per-task");
  // The course is read here first: a broken one is said now, not by every task.
  const GradedCourse course = load_graded_course(options);
  const SlurmJobSpec spec = job_spec(options, course.graded());
  // Opened (and migrated) now: a gradebook the merge job could not use is said before the cluster's time is spent.
  { const GradebookDatabase usable(gradebook_file(options)); }
  const SubmittedJobs jobs = submit_to_slurm(spec);
  if (jobs.set_aside) {
    out << "The earlier gradebook of " << spec.output.string() << " is now in " << jobs.set_aside->string()
        << "; the merge job writes the new one.\n";
  }
  const std::size_t tasks = spec.only.empty() ? spec.shards : spec.only.size();
  out << "Submitted to Slurm: job " << jobs.shards_job << " grades " << tasks << " of the class's " << spec.shards
      << " shards (one array task each), job " << jobs.merge_job << " merges them when every task has ended.\n";
  if (!options.wait) {
    out << "Follow them with: squeue -j " << jobs.shards_job << "," << jobs.merge_job << "\nThe gradebook will be "
        << (spec.output / "gradebook.csv").string() << "; the logs are in "
        << (slurm_dir(spec.output) / "logs").string()
        << "/. If a task fails, the merge job's log names the shards to grade again (--only-shards).\n";
    return 0;
  }
  const FollowedJobs ended = follow_slurm_jobs(jobs, err, &err == &std::cerr && isatty(STDERR_FILENO));
  return report_ending(spec, jobs, ended, out);
}

}  // namespace mathlings
