#include "classroom/hand_in_time.hpp"

#include <git2.h>
#include <sys/stat.h>

#include <memory>
#include <sstream>

#include "base/files.hpp"
#include "base/text.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_ref_bytes = 4096;
constexpr std::size_t max_commit_bytes = 1 << 20;  // a commit is a few hundred bytes; more is no commit
constexpr int max_symbolic_refs = 5;
constexpr std::size_t max_files_looked_at = 100'000;

/// A regular file, not a link: a link could point anywhere on the machine.
bool plain_file(const fs::path& file) {
  std::error_code error;
  return fs::symlink_status(file, error).type() == fs::file_type::regular;
}

bool is_object_id(const std::string& text) {
  return text.size() == GIT_OID_HEXSZ && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

/// A ref name git itself would write: under refs/, no "..", no empty part,
/// no character a path could misuse.
bool is_ref_name(const std::string& name) {
  if (!name.starts_with("refs/") || name.ends_with("/") || name.ends_with(".lock")) return false;
  if (name.find("..") != std::string::npos || name.find("//") != std::string::npos) return false;
  return name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+") ==
         std::string::npos;
}

std::string first_line(const std::string& text) {
  return trimmed(text.substr(0, text.find('\n')));
}

/// The object id `name` stands for in packed-refs, if it is there.
std::optional<std::string> packed_ref(const fs::path& git_dir, const std::string& name) {
  if (!plain_file(git_dir / "packed-refs")) return std::nullopt;
  std::istringstream lines(read_file_prefix(git_dir / "packed-refs", 64 << 20));
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > GIT_OID_HEXSZ + 1 && line[GIT_OID_HEXSZ] == ' ' &&
        trimmed(line.substr(GIT_OID_HEXSZ + 1)) == name)
      return line.substr(0, GIT_OID_HEXSZ);
  }
  return std::nullopt;
}

/// The object id HEAD names, following symbolic refs as git does.
std::optional<std::string> head_commit(const fs::path& git_dir) {
  if (!plain_file(git_dir / "HEAD")) return std::nullopt;
  std::string value = first_line(read_file_prefix(git_dir / "HEAD", max_ref_bytes));
  for (int depth = 0; depth <= max_symbolic_refs; ++depth) {
    if (is_object_id(value)) return value;
    if (!value.starts_with("ref: ")) return std::nullopt;
    const std::string name = trimmed(value.substr(5));
    if (!is_ref_name(name)) return std::nullopt;
    if (plain_file(git_dir / name)) {
      value = first_line(read_file_prefix(git_dir / name, max_ref_bytes));
    } else if (auto packed = packed_ref(git_dir, name)) {
      value = *packed;
    } else {
      return std::nullopt;  // a branch with no commit yet
    }
  }
  return std::nullopt;
}

template <typename T, void (*Free)(T*)>
struct Freed {
  void operator()(T* p) const { Free(p); }
};
using Odb = std::unique_ptr<git_odb, Freed<git_odb, git_odb_free>>;
using Repository = std::unique_ptr<git_repository, Freed<git_repository, git_repository_free>>;
using Commit = std::unique_ptr<git_commit, Freed<git_commit, git_commit_free>>;

/// Newest modification time (not following links) of the files under
/// `folder`, its .git left out, and how many there were.
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
    struct stat about {};
    if (lstat(it->path().c_str(), &about) != 0 || !S_ISREG(about.st_mode)) continue;
    ++files;
    if (!newest || about.st_mtime > *newest) newest = about.st_mtime;
  }
  if (!newest) return std::nullopt;
  return std::pair{*newest, files};
}

}  // namespace

std::optional<HandIn> commit_time(const fs::path& repository) {
  const fs::path git_dir = repository / ".git";
  std::error_code error;
  if (fs::symlink_status(git_dir, error).type() != fs::file_type::directory) return std::nullopt;
  const auto head = head_commit(git_dir);
  if (!head) return std::nullopt;
  static const int initialised = git_libgit2_init();  // once, for every thread
  (void)initialised;
  // The object database alone: no configuration is read, nothing of the
  // student's runs.
  git_odb* raw_odb = nullptr;
  if (git_odb_open(&raw_odb, (git_dir / "objects").c_str()) != 0) return std::nullopt;
  Odb odb(raw_odb);
  git_oid id;
  if (git_oid_fromstr(&id, head->c_str()) != 0) return std::nullopt;
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb.get(), &id) != 0 || type != GIT_OBJECT_COMMIT || size > max_commit_bytes)
    return std::nullopt;
  git_repository* raw_repository = nullptr;
  if (git_repository_wrap_odb(&raw_repository, odb.get()) != 0) return std::nullopt;
  Repository wrapped(raw_repository);
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, wrapped.get(), &id) != 0) return std::nullopt;
  Commit commit(raw_commit);
  return HandIn{
      .at = {.epoch_seconds = git_commit_time(commit.get()), .offset_minutes = git_commit_time_offset(commit.get())},
      .source = "commit",
      .detail = "commit " + head->substr(0, 7)};
}

std::optional<HandIn> hand_in_time(const fs::path& entry, const std::optional<Moment>& roster_time) {
  if (roster_time) return HandIn{.at = *roster_time, .source = "roster", .detail = "the roster's submitted_at"};
  std::error_code error;
  const auto type = fs::symlink_status(entry, error).type();
  if (type == fs::file_type::directory) {
    if (auto commit = commit_time(entry)) return commit;
    if (auto newest = newest_file_time(entry)) {
      return HandIn{.at = {.epoch_seconds = newest->first, .offset_minutes = 0},
                    .source = "files",
                    .detail = "the newest modification time of its " + std::to_string(newest->second) + " file" +
                              (newest->second == 1 ? "" : "s")};
    }
    return std::nullopt;
  }
  struct stat about {};
  if (type != fs::file_type::regular || lstat(entry.c_str(), &about) != 0) return std::nullopt;
  return HandIn{.at = {.epoch_seconds = about.st_mtime, .offset_minutes = 0},
                .source = "files",
                .detail = "the archive's modification time"};
}

std::string describe_hand_in_source(const std::string& source) {
  if (source == "roster") return "the time your course's platform recorded";
  if (source == "commit") return "the commit time of your repository's last commit";
  return "the modification time of your files";
}

}  // namespace mathlings
