#include "classroom/hand_in_time.hpp"

#include <sys/stat.h>

#include <ctime>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/text.hpp"
#include "exec/process.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_files_looked_at = 100'000;
constexpr std::int64_t earliest_plausible = 946'684'800;  // 2000-01-01T00:00Z
constexpr int attempts_under_load = 3;

/// A time a student's files or commit could really have been made at: none
/// before 2000 or after tomorrow (a clock set wrong, or a forged date).
bool plausible(std::int64_t epoch_seconds) {
  return epoch_seconds >= earliest_plausible && epoch_seconds <= std::time(nullptr) + 24 * 3600;
}

std::optional<std::int64_t> modified(const fs::path& path) {
  struct stat about {};
  if (lstat(path.c_str(), &about) != 0) return std::nullopt;
  return static_cast<std::int64_t>(about.st_mtime);
}

/// Newest modification time (not following links) of the plain files under
/// `folder`, .git folders left out, and how many there were.
std::optional<std::pair<std::int64_t, std::size_t>> newest_file_time(const fs::path& folder) {
  std::optional<std::int64_t> newest;
  std::size_t files = 0, seen = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error), end;
       !error && it != end && ++seen <= max_files_looked_at; it.increment(error)) {
    if (it->path().filename() == ".git" && it->is_directory(error)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->symlink_status(error).type() != fs::file_type::regular) continue;
    const auto time = modified(it->path());
    if (!time || !plausible(*time)) continue;
    ++files;
    if (!newest || *time > *newest) newest = *time;
  }
  if (!newest) return std::nullopt;
  return std::pair{*newest, files};
}

/// The folder holding .git: the hand-in itself, or the one folder it wraps
/// (a repository cloned into a folder of the student's name).
std::optional<fs::path> repository_of(const fs::path& folder) {
  std::error_code error;
  if (fs::symlink_status(folder / ".git", error).type() != fs::file_type::not_found) return folder;
  std::optional<fs::path> only;
  for (const auto& e : fs::directory_iterator(folder, error)) {
    if (e.path().filename().string().starts_with(".")) continue;
    if (only || e.symlink_status(error).type() != fs::file_type::directory) return std::nullopt;
    only = e.path();
  }
  if (only && fs::symlink_status(*only / ".git", error).type() != fs::file_type::not_found) return only;
  return std::nullopt;
}

}  // namespace

HandInLookup commit_time(const fs::path& repository) {
  ProcessSpec spec;
  spec.argv = {config::commit_time_program, fs::absolute(repository).string()};  // it runs elsewhere
  spec.working_directory = fs::temp_directory_path();
  spec.limits = Limits::of_cpu_time(5);
  spec.limits.address_space = 1ULL << 30;  // a pack that inflates beyond is no student's work
  spec.limits.output_bytes = 4096;
  for (int attempt = 1;; ++attempt) {
    const ProcessResult run = run_process(spec);
    if (run.starved() && attempt < attempts_under_load) continue;
    if (run.starved()) throw MachineBusy("the machine was too busy to read the repository's commit time");
    if (run.end == ProcessResult::End::failed_to_start) {
      throw GraderError("mathlings-commit-time could not start (" + one_line(trimmed(run.output)) +
                        "): build it with cmake --build build");
    }
    if (!run.succeeded()) {
      const std::string why = run.end == ProcessResult::End::exited     ? trimmed(run.output)
                              : run.end == ProcessResult::End::signaled ? "it crashed reading it"
                                                                        : "reading it took too long or too much memory";
      return {std::nullopt, "its repository's commit time cannot be read (" + one_line(why) + ")"};
    }
    long long epoch = 0;
    int offset = 0;
    char id[41] = {};
    if (std::sscanf(run.output.c_str(), "%lld %d %40s", &epoch, &offset, id) != 3)
      throw GraderError("mathlings-commit-time answered '" + one_line(run.output) + "'");
    if (!plausible(epoch)) {
      return {std::nullopt, "its commit is dated " + format_moment({.epoch_seconds = epoch, .offset_minutes = 0}) +
                                ", which no hand-in can be"};
    }
    return {HandIn{.at = {.epoch_seconds = epoch, .offset_minutes = offset},
                   .source = "commit",
                   .detail = "commit " + std::string(id).substr(0, 7)},
            ""};
  }
}

HandInLookup hand_in_time(const fs::path& entry, const std::optional<Moment>& roster_time) {
  if (roster_time) return {HandIn{.at = *roster_time, .source = "roster", .detail = "the roster's submitted_at"}, ""};
  std::error_code error;
  const auto type = fs::symlink_status(entry, error).type();
  if (type == fs::file_type::directory) {
    // A repository whose commit cannot be read has no time: its files' are
    // the time it was cloned, after every deadline.
    if (const auto repository = repository_of(entry)) return commit_time(*repository);
    if (auto newest = newest_file_time(entry)) {
      return {HandIn{.at = {.epoch_seconds = newest->first, .offset_minutes = 0},
                     .source = "files",
                     .detail = "the newest modification time of its " + std::to_string(newest->second) + " file" +
                               (newest->second == 1 ? "" : "s")},
              ""};
    }
    return {std::nullopt, "it holds no file to date it by"};
  }
  const auto time = type == fs::file_type::regular ? modified(entry) : std::nullopt;
  if (!time || !plausible(*time))
    return {std::nullopt, "the archive's modification time is not one a hand-in can have"};
  return {HandIn{.at = {.epoch_seconds = *time, .offset_minutes = 0},
                 .source = "files",
                 .detail = "the archive's modification time"},
          ""};
}

std::string describe_hand_in_source(const std::string& source) {
  if (source == "roster") return "the time your course's platform recorded";
  if (source == "commit") return "the commit time of your repository's last commit";
  return "the modification time of your files";
}

}  // namespace mathlings
