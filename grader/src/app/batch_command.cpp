// mathlings batch: a class graded, one submission per student, into a
// gradebook and feedback; what it could not do is said at the end.
#include "app/class_grading.hpp"
#include "app/handlers.hpp"
#include "base/errors.hpp"

namespace mathlings {

int batch_command(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.slurm_shards > 0) {
    if (options.shards > 1) throw UsageError("--shard and --slurm: --slurm N makes the shards itself");
    return batch_on_slurm(options, out, err);
  }
  for (const auto& [given, name] : {std::pair{options.wait, "--wait"},
                                    {!options.only_shards.empty(), "--only-shards"},
                                    {!options.partition.empty(), "--partition"},
                                    {!options.account.empty(), "--account"},
                                    {!options.slurm_time.empty(), "--time"},
                                    {!options.slurm_memory.empty(), "--mem"},
                                    {options.cpus_per_task > 0, "--cpus-per-task"}}) {
    if (given) throw UsageError(std::string(name) + " goes with --slurm N (grading on a Slurm cluster)");
  }
  return grade_class(options, "", out, err).exit_status;
}

}  // namespace mathlings
