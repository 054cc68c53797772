#include "classroom/slurm_client.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "classroom/shard_manifest.hpp"
#include "exec/programs.hpp"

namespace mathlings {
namespace {

// Slurm's clients retry for minutes when the controller is down: a
// submission may wait a minute; a poll, repeated anyway, less.
constexpr double slurm_answer_seconds = 60;
constexpr double poll_answer_seconds = 20;

/// The job id in sbatch --parsable's output: a line "123" or "123;cluster".
std::string job_id(const std::string& said, const std::string& job) {
  static const std::regex parsable(R"(^([0-9]+)(;\S+)?\s*$)");
  std::istringstream lines(said);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, parsable)) return match[1];
  }
  throw GraderError("sbatch printed no job id for the " + job + " (it said: " + one_line(said) +
                    "); it may have been submitted all the same: look with squeue --me");
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

/// "3-9:2,12%4" as 3, 5, 7, 9, 12 (after % comes how many may run at once).
std::vector<unsigned> expand_indices(std::string text) {
  text = text.substr(0, text.find('%'));
  static const std::regex range(R"(^([0-9]{1,7})(?:-([0-9]{1,7})(?::([0-9]{1,7}))?)?$)");
  std::vector<unsigned> indices;
  std::istringstream parts(text);
  for (std::string part; std::getline(parts, part, ',');) {
    std::smatch m;
    if (!std::regex_match(part, m, range)) throw GraderError("scontrol named array tasks as '" + text + "'");
    const unsigned first = std::stoul(m[1]), last = m[2].matched ? std::stoul(m[2]) : first,
                   step = m[3].matched ? std::max(1ul, std::stoul(m[3])) : 1;
    for (unsigned k = first; k <= last; k += step) indices.push_back(k);
  }
  return indices;
}

/// What Slurm says of `job` now; nothing when it has forgotten it (a job
/// ended longer ago than its MinJobAge).
std::vector<SlurmTask> job_states(const std::string& job) {
  try {
    return parse_job_states(run_tool({"scontrol", "-o", "show", "job", job}, "asking Slurm about job " + job,
                                     poll_answer_seconds, fs::current_path(), {"SLURM_BITSTR_LEN=0"}));
  } catch (const GraderError& e) {
    if (std::string(e.what()).find("Invalid job id") != std::string::npos) return {};
    throw;
  }
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string counts_line(const FollowedJobs& now) {
  std::map<std::string, int> by_state;
  std::map<std::string, std::string> reasons;
  for (const auto& t : now.shards) {
    ++by_state[t.state];
    if (t.state == "PENDING" && t.reason != "None" && !t.reason.empty()) reasons[t.state] = t.reason;
  }
  std::string line =
      "slurm: " + std::to_string(by_state["COMPLETED"]) + " of " + std::to_string(now.shards.size()) + " shards done";
  for (const auto& [state, count] : by_state) {
    if (state == "COMPLETED") continue;
    line += ", " + std::to_string(count) + " " + lower(state);
    if (reasons.count(state)) line += " (" + reasons[state] + ")";
  }
  if (!now.merge.state.empty()) line += "; merge " + lower(now.merge.state);
  return line;
}

/// The ids in DIR/slurm/jobs of the last submission to DIR.
std::vector<std::string> last_submission(const fs::path& output) {
  std::ifstream in(slurm_dir(output) / "jobs");
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  std::istringstream words(last);
  std::vector<std::string> ids;
  for (std::string id; words >> id;) ids.push_back(id);
  return ids;
}

void refuse_while_running(const fs::path& output) {
  const std::vector<std::string> ids = last_submission(output);
  for (const auto& id : ids) {
    for (const auto& task : job_states(id)) {
      if (task.ended()) continue;
      std::string list;
      for (const auto& i : ids) list += (list.empty() ? "" : ",") + i;
      throw UsageError("job " + id + ", submitted to " + output.string() + " before, is still " + lower(task.state) +
                       ": wait for it (squeue -j " + list + ") or cancel it (scancel " + list + "), then submit again");
    }
  }
}

/// The manifest of a shard DIR/shards/ already holds: how the class was
/// split, and for which assignment. Nothing when there is none yet, or none
/// that can say (a damaged shard.json is rewritten by its task).
std::optional<ShardManifest> earlier_shard(const fs::path& output) {
  const fs::path dir = shards_dir(output);
  if (!fs::is_directory(dir)) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_directory()) continue;
    try {
      if (auto manifest = read_shard_manifest(e.path())) return manifest;
    } catch (const GraderError&) {
    }
  }
  return std::nullopt;
}

/// Moves DIR's merged gradebook, feedback and report into DIR/slurm/earlier/.
std::optional<fs::path> set_earlier_gradebook_aside(const fs::path& output) {
  if (!fs::exists(output / shard_manifest_name)) return std::nullopt;
  const fs::path aside = slurm_dir(output) / "earlier";
  fs::remove_all(aside);
  fs::create_directories(aside);
  for (const char* name :
       {shard_manifest_name, "gradebook.csv", "gradebook.json", "report.html", "feedback", "results"}) {
    if (fs::exists(output / name)) fs::rename(output / name, aside / name);
  }
  return aside;
}

}  // namespace

SubmittedJobs submit_to_slurm(const SlurmJobSpec& spec) {
  check_job_spec(spec);
  if (const auto earlier = earlier_shard(spec.output)) {
    if (earlier->shards != spec.shards) {
      throw UsageError(shards_dir(spec.output).string() + " holds the class split in " +
                       std::to_string(earlier->shards) + " shards: give --slurm " + std::to_string(earlier->shards) +
                       " to go on with it, or another --output to start afresh");
    }
    if (earlier->assignment != spec.assignment) {
      throw UsageError(shards_dir(spec.output).string() + " holds shards graded for " +
                       (earlier->assignment.empty() ? "the whole course" : "assignment " + earlier->assignment) +
                       ": go on with the same --assignment, or give another --output");
    }
  }
  refuse_while_running(spec.output);
  fs::create_directories(slurm_dir(spec.output) / "logs");
  fs::create_directories(shards_dir(spec.output));
  const fs::path task_script = slurm_dir(spec.output) / "shard-task.sh";
  const fs::path merge_script = slurm_dir(spec.output) / "merge-job.sh";
  write_file_atomically(task_script, shard_task_script(spec));
  write_file_atomically(merge_script, merge_job_script(spec));
  SubmittedJobs jobs;
  jobs.set_aside = set_earlier_gradebook_aside(spec.output);
  jobs.shards_job = job_id(run_tool(shards_job_arguments(spec, task_script), "submitting the shards to Slurm",
                                    slurm_answer_seconds, slurm_dir(spec.output)),
                           "shards");
  jobs.merge_job = job_id(run_tool(merge_job_arguments(spec, jobs.shards_job, merge_script),
                                   "submitting the merge job to Slurm (the shards' job " + jobs.shards_job +
                                       " is submitted: scancel it if you give up)",
                                   slurm_answer_seconds, slurm_dir(spec.output)),
                          "merge job");
  std::ofstream(slurm_dir(spec.output) / "jobs", std::ios::app) << jobs.shards_job << " " << jobs.merge_job << "\n";
  return jobs;
}

bool SlurmTask::ended() const {
  static const char* const waiting_or_running[] = {
      "PENDING",     "CONFIGURING", "RUNNING",   "COMPLETING", "SUSPENDED", "REQUEUED",      "REQUEUE_HOLD",
      "REQUEUE_FED", "RESIZING",    "SIGNALING", "STAGE_OUT",  "STOPPED",   "RESV_DEL_HOLD", "SPECIAL_EXIT"};
  return std::find(std::begin(waiting_or_running), std::end(waiting_or_running), state) == std::end(waiting_or_running);
}

bool SlurmTask::can_never_run() const {
  static const char* const never[] = {
      "DependencyNeverSatisfied", "PartitionTimeLimit", "PartitionNodeLimit", "PartitionConfig", "BadConstraints",
      "InvalidAccount",           "InvalidQOS",         "AccountNotAllowed",  "QOSNotAllowed"};
  return state == "PENDING" && std::find(std::begin(never), std::end(never), reason) != std::end(never);
}

std::vector<SlurmTask> parse_job_states(const std::string& scontrol_output) {
  std::vector<SlurmTask> tasks;
  std::istringstream lines(scontrol_output);
  for (std::string line; std::getline(lines, line);) {
    const std::string state = field(line, "JobState");
    if (field(line, "JobId").empty() || state.empty()) continue;
    const std::string exit = field(line, "ExitCode");
    SlurmTask task{.index = 0,
                   .state = state,
                   .exit_code = exit.empty() ? 0 : std::atoi(exit.c_str()),
                   .reason = field(line, "Reason")};
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
  const auto started = std::chrono::steady_clock::now();
  std::map<unsigned, SlurmTask> shards;  // as last seen: Slurm forgets ended jobs after a while
  FollowedJobs now;
  std::string last_line;
  int failed_polls = 0;
  for (;;) {
    try {
      for (const auto& task : job_states(jobs.shards_job)) shards[task.index] = task;
      const auto merge = job_states(jobs.merge_job);
      if (!merge.empty())
        now.merge = merge.front();
      else if (!now.merge.ended())
        now.merge = SlurmTask{.index = 0, .state = "UNKNOWN", .exit_code = 0, .reason = "forgotten by Slurm"};
      failed_polls = 0;
    } catch (const GraderError& e) {
      if (++failed_polls >= 5) {
        throw GraderError(std::string(e.what()) +
                          " — five times in a row; the jobs go on without mathlings: squeue -j " + jobs.shards_job +
                          "," + jobs.merge_job);
      }
    }
    now.shards.clear();
    for (const auto& [index, task] : shards) now.shards.push_back(task);
    if (now.merge.can_never_run()) now.stuck = "the merge job " + jobs.merge_job + " cannot run: " + now.merge.reason;
    for (const auto& task : now.shards) {
      if (task.can_never_run())
        now.stuck = "task " + std::to_string(task.index) + " of job " + jobs.shards_job + " cannot run: " + task.reason;
    }
    const std::string line = counts_line(now);
    if (line != last_line) {
      if (progress_is_terminal)
        progress << "\r\033[K" << line << std::flush;
      else
        progress << line << "\n";
      last_line = line;
    }
    if (now.merge.ended() || !now.stuck.empty()) {
      if (progress_is_terminal) progress << "\n";
      return now;
    }
    // Often at first, when small classes end; then gently on the controller.
    const bool first_minute = std::chrono::steady_clock::now() - started < std::chrono::minutes(1);
    std::this_thread::sleep_for(std::chrono::seconds(first_minute ? 2 : 10));
  }
}

}  // namespace mathlings
