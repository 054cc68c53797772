#include "classroom/slurm_job.hpp"

#include <algorithm>
#include <sstream>

#include "base/errors.hpp"
#include "base/escaping.hpp"
#include "classroom/merge.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

std::string word(const fs::path& path) {
  return shell_quoted(path.string());
}

/// mathlings with the course and cache every job of the run uses.
std::string grader_words(const SlurmJobSpec& spec) {
  return word(spec.mathlings) + " --course " + word(spec.course_dir) + " --cache " + word(spec.cache_dir);
}

/// The part of the course graded, as batch and merge both take it.
std::string assignment_words(const SlurmJobSpec& spec) {
  return spec.assignment.empty() ? "" : " --assignment " + shell_quoted(spec.assignment);
}

/// What every job of the run asks for besides its own resources.
void add_placement(std::vector<std::string>& args, const SlurmJobSpec& spec) {
  if (!spec.partition.empty()) args.push_back("--partition=" + spec.partition);
  if (!spec.account.empty()) args.push_back("--account=" + spec.account);
  args.push_back("--time=" + spec.time);
  args.push_back("--chdir=" + slurm_dir(spec.output).string());
}

std::string usage_of_list() {
  return "--only-shards takes shard numbers, like 3,7 or 2-4";
}

}  // namespace

fs::path slurm_dir(const fs::path& output) {
  return output / "slurm";
}

fs::path shards_dir(const fs::path& output) {
  return output / "shards";
}

fs::path shard_log(const fs::path& output, unsigned shard) {
  return slurm_dir(output) / "logs" / ("shard-" + std::to_string(shard) + ".log");
}

fs::path merge_log(const fs::path& output, const std::string& merge_job) {
  return slurm_dir(output) / "logs" / ("merge-" + merge_job + ".log");
}

void check_job_spec(const SlurmJobSpec& spec) {
  if (spec.output.string().find_first_of("%\\") != std::string::npos) {
    throw UsageError("--output " + spec.output.string() +
                     ": Slurm reads % and \\ in a log file's name as patterns; choose a folder without them");
  }
  for (unsigned k : spec.only) {
    if (k < 1 || k > spec.shards)
      throw UsageError("--only-shards: there is no shard " + std::to_string(k) + " of " + std::to_string(spec.shards));
  }
}

std::string shard_task_script(const SlurmJobSpec& spec) {
  std::string script =
      "#!/bin/sh\n"
      "# Written by `mathlings batch --slurm`: array task K grades shard K of " +
      std::to_string(spec.shards) +
      " of the class into\n"
      "# shards/shard-K; a task run again picks up where the last one stopped.\n"
      "set -u\n"
      "shard=${SLURM_ARRAY_TASK_ID:?run as a task of the job array mathlings submitted}\n"
      "status=0\n" +
      grader_words(spec) + " --jobs \"${SLURM_CPUS_PER_TASK:-1}\" \\\n  batch " + word(spec.root) +
      assignment_words(spec) + " --shard \"$shard/" + std::to_string(spec.shards) + "\" --output " +
      word(shards_dir(spec.output)) + "/shard-\"$shard\"";
  if (spec.roster) script += " --roster " + word(*spec.roster);
  return script +
         " || status=$?\n"
         "# 1 only means some student's hand-in could not be used: their row says why.\n"
         "[ \"$status\" -le 1 ] || exit \"$status\"\n";
}

std::string merge_job_script(const SlurmJobSpec& spec) {
  return "#!/bin/sh\n"
         "# Written by `mathlings batch --slurm`: joins the shards into one gradebook once\n"
         "# every array task has ended, or names the shards that did not finish.\n"
         "set -u\n"
         "status=0\n" +
         grader_words(spec) + " \\\n  merge " + word(shards_dir(spec.output)) + assignment_words(spec) + " --output " +
         word(spec.output) + (spec.gradebook ? " --gradebook " + word(*spec.gradebook) : std::string()) +
         " || status=$?\n"
         "if [ \"$status\" -eq " +
         std::to_string(incomplete_shards_status) +
         " ]; then\n"
         "  printf '%s\\n' 'To grade the shards named above again and merge the class:' " +
         shell_quoted("  " + resubmit_command(spec, "<their numbers, like 3,7>")) +
         "\n"
         "fi\n"
         "# 1 only means some student's hand-in could not be used; 2, that some could not be\n"
         "# graded (the gradebook is written, their rows say why).\n"
         "[ \"$status\" -le 1 ] || exit \"$status\"\n";
}

std::vector<std::string> shards_job_arguments(const SlurmJobSpec& spec, const fs::path& script) {
  std::vector<std::string> args{
      "sbatch", "--parsable", "--job-name=mathlings-shards",
      "--array=" + (spec.only.empty() ? "1-" + std::to_string(spec.shards) : shard_list(spec.only)),
      "--cpus-per-task=" + std::to_string(spec.cpus_per_task), "--mem=" + spec.memory,
      "--output=" + (slurm_dir(spec.output) / "logs" / "shard-%a.log").string(),
      // A shard graded again adds to its log: why it failed the first time stays.
      "--open-mode=append"};
  add_placement(args, spec);
  args.push_back(script.string());
  return args;
}

std::vector<std::string> merge_job_arguments(const SlurmJobSpec& spec, const std::string& shards_job,
                                             const fs::path& script) {
  std::vector<std::string> args{"sbatch",
                                "--parsable",
                                "--job-name=mathlings-merge",
                                "--dependency=afterany:" + shards_job,
                                "--cpus-per-task=1",
                                "--mem=" + spec.memory,
                                "--output=" + (slurm_dir(spec.output) / "logs" / "merge-%j.log").string()};
  add_placement(args, spec);
  args.push_back(script.string());
  return args;
}

std::string resubmit_command(const SlurmJobSpec& spec, const std::string& shards) {
  std::string command = grader_words(spec) + " batch " + word(spec.root) + assignment_words(spec) + " --output " +
                        word(spec.output) + " --slurm " + std::to_string(spec.shards) + " --only-shards " + shards;
  if (spec.roster) command += " --roster " + word(*spec.roster);
  if (spec.gradebook) command += " --gradebook " + word(*spec.gradebook);
  if (!spec.partition.empty()) command += " --partition " + spec.partition;
  if (!spec.account.empty()) command += " --account " + spec.account;
  const SlurmJobSpec defaults;
  if (spec.time != defaults.time) command += " --time " + spec.time;
  if (spec.memory != defaults.memory) command += " --mem " + spec.memory;
  if (spec.cpus_per_task != defaults.cpus_per_task) command += " --cpus-per-task " + std::to_string(spec.cpus_per_task);
  return command + " --wait";
}

std::vector<unsigned> parse_shard_list(const std::string& list, unsigned shards) {
  std::vector<unsigned> chosen;
  std::istringstream parts(list);
  for (std::string part; std::getline(parts, part, ',');) {
    const std::size_t dash = part.find('-');
    const std::string first = part.substr(0, dash), last = dash == std::string::npos ? first : part.substr(dash + 1);
    for (const auto& number : {first, last})
      if (number.empty() || number.size() > 5 || number.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError(usage_of_list() + ", not '" + list + "'");
    for (unsigned k = std::stoul(first); k <= std::stoul(last); ++k) {
      if (k < 1 || k > shards)
        throw UsageError("--only-shards: there is no shard " + std::to_string(k) + " of " + std::to_string(shards));
      chosen.push_back(k);
    }
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  if (chosen.empty()) throw UsageError(usage_of_list() + ", not '" + list + "'");
  return chosen;
}

std::string shard_list(const std::vector<unsigned>& shards) {
  std::string list;
  for (unsigned k : shards) list += (list.empty() ? "" : ",") + std::to_string(k);
  return list;
}

}  // namespace mathlings
