#include "classroom/slurm.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "base/errors.hpp"
#include "base/escaping.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "classroom/shard_manifest.hpp"
#include "exec/programs.hpp"

namespace mathlings {
namespace {

constexpr double slurm_answer_seconds = 60;  // its clients retry for minutes when the controller is down

std::string word(const fs::path& path) {
  return shell_quoted(path.string());
}

std::string array_indices(const SlurmJobSpec& spec) {
  if (spec.only.empty()) return "1-" + std::to_string(spec.shards);
  std::string list;
  for (unsigned k : spec.only) list += (list.empty() ? "" : ",") + std::to_string(k);
  return list;
}

/// What every job of the run asks for besides its own resources.
void add_placement(std::vector<std::string>& args, const SlurmJobSpec& spec) {
  if (!spec.partition.empty()) args.push_back("--partition=" + spec.partition);
  if (!spec.account.empty()) args.push_back("--account=" + spec.account);
  args.push_back("--time=" + spec.time);
  args.push_back("--chdir=" + slurm_dir(spec.output).string());
}

/// The job id sbatch --parsable printed ("123" or "123;cluster"), from its last line.
std::string job_id(const std::string& said) {
  std::istringstream lines(said);
  std::string line, last;
  while (std::getline(lines, line))
    if (!line.empty()) last = line;
  const std::string id = last.substr(0, last.find(';'));
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw GraderError("sbatch did not print a job id: " + one_line(said));
  return id;
}

/// The shards DIR/shards/ already holds were split in how many? 0: none yet.
unsigned earlier_split(const fs::path& output) {
  const fs::path dir = shards_dir(output);
  if (!fs::is_directory(dir)) return 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_directory()) continue;
    if (const auto manifest = read_shard_manifest(e.path())) return manifest->shards;
  }
  return 0;
}

std::string field(const std::string& line, const std::string& name) {
  const std::string key = name + "=";
  for (std::size_t at = line.find(key); at != std::string::npos; at = line.find(key, at + 1)) {
    if (at != 0 && line[at - 1] != ' ') continue;
    const std::size_t start = at + key.size();
    return line.substr(start, line.find(' ', start) - start);
  }
  return "";
}

/// "3-5,8%2" as 3, 4, 5, 8 (what follows % is how many may run at once).
std::vector<unsigned> expand_indices(std::string text) {
  text = text.substr(0, text.find('%'));
  std::vector<unsigned> indices;
  std::istringstream parts(text);
  for (std::string part; std::getline(parts, part, ',');) {
    const std::size_t dash = part.find('-');
    try {
      const unsigned first = static_cast<unsigned>(std::stoul(part.substr(0, dash)));
      const unsigned last =
          dash == std::string::npos ? first : static_cast<unsigned>(std::stoul(part.substr(dash + 1)));
      for (unsigned k = first; k <= last && k - first < 100000; ++k) indices.push_back(k);
    } catch (const std::logic_error&) {
      throw GraderError("scontrol named array tasks mathlings cannot read: " + text);
    }
  }
  return indices;
}

std::vector<SlurmTask> job_states(const std::string& job) {
  try {
    return parse_job_states(run_tool({"scontrol", "-o", "show", "job", job}, "following Slurm job " + job,
                                     slurm_answer_seconds, fs::current_path()));
  } catch (const GraderError& e) {
    // A job the controller has forgotten (MinJobAge after it ended) is
    // "Invalid job id": it ended; anything else is a real failure.
    if (std::string(e.what()).find("Invalid job id") != std::string::npos) return {};
    throw;
  }
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string counts_line(const FollowedJobs& now, std::size_t total) {
  std::map<std::string, int> by_state;
  for (const auto& t : now.shards) ++by_state[t.state];
  std::string line =
      "slurm: " + std::to_string(by_state["COMPLETED"]) + " of " + std::to_string(total) + " shards done";
  for (const auto& [state, count] : by_state)
    if (state != "COMPLETED") line += ", " + std::to_string(count) + " " + lower(state);
  if (!now.merge.state.empty()) line += "; merge " + lower(now.merge.state);
  return line;
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
      word(spec.mathlings) + " --course " + word(spec.course_dir) + " --cache " + word(spec.cache_dir) +
      " --jobs \"${SLURM_CPUS_PER_TASK:-1}\" \\\n  batch " + word(spec.root) + " --shard \"$shard/" +
      std::to_string(spec.shards) + "\" --output " + word(shards_dir(spec.output)) + "/shard-\"$shard\"";
  if (spec.roster) script += " --roster " + word(*spec.roster);
  return script +
         " || status=$?\n"
         "# 1 only means some student's hand-in could not be used: their row says why.\n"
         "[ \"$status\" -le 1 ] || exit \"$status\"\n";
}

std::string resubmit_command(const SlurmJobSpec& spec, const std::string& shards) {
  std::string command = word(spec.mathlings) + " --course " + word(spec.course_dir) + " --cache " +
                        word(spec.cache_dir) + " batch " + word(spec.root) + " --output " + word(spec.output) +
                        " --slurm " + std::to_string(spec.shards) + " --only-shards " + shards;
  if (spec.roster) command += " --roster " + word(*spec.roster);
  return command + " --wait";
}

std::string merge_job_script(const SlurmJobSpec& spec) {
  return "#!/bin/sh\n"
         "# Written by `mathlings batch --slurm`: joins the shards into one gradebook once\n"
         "# every array task has ended, or names the shards that did not finish.\n"
         "set -u\n"
         "status=0\n" +
         word(spec.mathlings) + " --course " + word(spec.course_dir) + " --cache " + word(spec.cache_dir) +
         " \\\n  merge " + word(shards_dir(spec.output)) + " --output " + word(spec.output) +
         " || status=$?\n"
         "if [ \"$status\" -ge 2 ]; then\n"
         "  echo 'To grade the shards named above again and merge the class:'\n"
         "  echo " +
         shell_quoted("  " + resubmit_command(spec, "<their numbers, like 3,7>")) +
         "\n"
         "  exit \"$status\"\n"
         "fi\n";
}

std::vector<std::string> shards_job_arguments(const SlurmJobSpec& spec, const fs::path& script) {
  std::vector<std::string> args{"sbatch", "--parsable", "--job-name=mathlings-shards", "--array=" + array_indices(spec),
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

SubmittedJobs submit_to_slurm(const SlurmJobSpec& spec) {
  if (const unsigned earlier = earlier_split(spec.output); earlier != 0 && earlier != spec.shards) {
    throw UsageError(shards_dir(spec.output).string() + " holds the class split in " + std::to_string(earlier) +
                     " shards: give --slurm " + std::to_string(earlier) +
                     " to go on with it, or another --output to start afresh");
  }
  for (unsigned k : spec.only)
    if (k < 1 || k > spec.shards) throw UsageError("--only-shards: there is no shard " + std::to_string(k));
  fs::create_directories(slurm_dir(spec.output) / "logs");
  fs::create_directories(shards_dir(spec.output));
  const fs::path task_script = slurm_dir(spec.output) / "shard-task.sh";
  const fs::path merge_script = slurm_dir(spec.output) / "merge-job.sh";
  write_file_atomically(task_script, shard_task_script(spec));
  write_file_atomically(merge_script, merge_job_script(spec));
  SubmittedJobs jobs;
  jobs.shards_job = job_id(run_tool(shards_job_arguments(spec, task_script), "submitting the shards to Slurm",
                                    slurm_answer_seconds, slurm_dir(spec.output)));
  jobs.merge_job = job_id(run_tool(merge_job_arguments(spec, jobs.shards_job, merge_script),
                                   "submitting the merge job to Slurm (the shards' job " + jobs.shards_job +
                                       " is submitted: scancel it if you give up)",
                                   slurm_answer_seconds, slurm_dir(spec.output)));
  return jobs;
}

bool SlurmTask::ended() const {
  static const char* const running[] = {"PENDING",   "CONFIGURING",  "RUNNING",       "COMPLETING",  "SUSPENDED",
                                        "REQUEUED",  "REQUEUE_HOLD", "REQUEUE_FED",   "RESIZING",    "SIGNALING",
                                        "STAGE_OUT", "STOPPED",      "RESV_DEL_HOLD", "SPECIAL_EXIT"};
  return std::find(std::begin(running), std::end(running), state) == std::end(running);
}

std::vector<SlurmTask> parse_job_states(const std::string& scontrol_output) {
  std::vector<SlurmTask> tasks;
  std::istringstream lines(scontrol_output);
  for (std::string line; std::getline(lines, line);) {
    const std::string state = field(line, "JobState");
    if (field(line, "JobId").empty() || state.empty()) continue;
    const std::string exit = field(line, "ExitCode");
    SlurmTask task{.index = 0, .state = state, .exit_code = exit.empty() ? 0 : std::atoi(exit.c_str())};
    const std::string indices = field(line, "ArrayTaskId");
    if (indices.empty()) {
      tasks.push_back(task);
      continue;
    }
    for (unsigned k : expand_indices(indices)) tasks.push_back((task.index = k, task));
  }
  std::sort(tasks.begin(), tasks.end(), [](const SlurmTask& a, const SlurmTask& b) { return a.index < b.index; });
  return tasks;
}

FollowedJobs follow_slurm_jobs(const SubmittedJobs& jobs, std::ostream& progress, bool progress_is_terminal) {
  std::string last_line;
  std::size_t total = 0;
  for (;;) {
    FollowedJobs now;
    now.shards = job_states(jobs.shards_job);
    total = std::max(total, now.shards.size());
    const auto merge = job_states(jobs.merge_job);
    now.merge = merge.empty() ? SlurmTask{.index = 0, .state = "ENDED", .exit_code = 0} : merge.front();
    const std::string line = counts_line(now, total);
    if (line != last_line) {
      if (progress_is_terminal)
        progress << "\r\033[K" << line << std::flush;
      else
        progress << line << "\n";
      last_line = line;
    }
    if (now.merge.ended()) {
      if (progress_is_terminal) progress << "\n";
      return now;
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
}

std::vector<unsigned> parse_shard_list(const std::string& list, unsigned shards) {
  if (list.empty() || list.find_first_not_of("0123456789,-") != std::string::npos)
    throw UsageError("--only-shards takes shard numbers, like 3,7 or 2-4");
  std::vector<unsigned> chosen;
  try {
    chosen = expand_indices(list);
  } catch (const GraderError&) {
    throw UsageError("--only-shards takes shard numbers, like 3,7 or 2-4");
  }
  for (unsigned k : chosen)
    if (k < 1 || k > shards)
      throw UsageError("--only-shards: there is no shard " + std::to_string(k) + " of " + std::to_string(shards));
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  if (chosen.empty()) throw UsageError("--only-shards takes shard numbers, like 3,7 or 2-4");
  return chosen;
}

}  // namespace mathlings
