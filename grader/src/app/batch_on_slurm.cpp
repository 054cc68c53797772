// mathlings batch ROOT --output DIR --slurm N: the class handed to a Slurm
// cluster (classroom/slurm.hpp), and with --wait followed to its gradebook.
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "app/handlers.hpp"
#include "base/errors.hpp"
#include "base/escaping.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "classroom/merge.hpp"
#include "classroom/slurm.hpp"
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
  spec.shards = options.slurm_shards;
  if (!options.only_shards.empty()) spec.only = parse_shard_list(options.only_shards, spec.shards);
  spec.partition = options.partition;
  spec.account = options.account;
  if (!options.slurm_time.empty()) spec.time = options.slurm_time;
  if (!options.slurm_memory.empty()) spec.memory = options.slurm_memory;
  if (options.cpus_per_task > 0) spec.cpus_per_task = options.cpus_per_task;
  return spec;
}

int report_ending(const SlurmJobSpec& spec, const SubmittedJobs& jobs, const FollowedJobs& ended, std::ostream& out) {
  const fs::path log = merge_log(spec.output, jobs.merge_job);
  std::error_code ec;
  if (fs::exists(log, ec)) out << read_file_prefix(log, 64 << 10);
  std::vector<unsigned> failed;
  for (const auto& task : ended.shards) {
    if (task.state == "COMPLETED") continue;
    failed.push_back(task.index);
    out << "shard " << task.index << ": " << task.state << " (exit code " << task.exit_code
        << "); its log: " << shard_log(spec.output, task.index).string() << "\n";
  }
  if (!failed.empty()) {
    std::string list;
    for (unsigned k : failed) list += (list.empty() ? "" : ",") + std::to_string(k);
    out << "Grade " << (failed.size() == 1 ? "it" : "them")
        << " again — each picks up where it stopped, then the class is merged:\n  " << resubmit_command(spec, list)
        << "\n";
  }
  if (ended.merge.state != "COMPLETED") {
    out << "The merge job ended " << ended.merge.state << " (exit code " << ended.merge.exit_code << "): its log is "
        << log.string() << "\n";
    return 2;
  }
  out << "Gradebook: " << (spec.output / "gradebook.csv").string() << "; feedback in "
      << (spec.output / "feedback").string() << "/\n";
  return class_exit_status(read_merged_rows(spec.output));
}

}  // namespace

int batch_on_slurm(const Options& options, std::ostream& out, std::ostream& err) {
  // The course is read here first: a broken one is said now, not by every task.
  const auto course = load_course(options.course_dir);
  const SlurmJobSpec spec = job_spec(options, *course);
  const SubmittedJobs jobs = submit_to_slurm(spec);
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
