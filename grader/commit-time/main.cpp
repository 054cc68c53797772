// mathlings-commit-time REPOSITORY: prints "<epoch seconds> <offset minutes>
// <commit id>" of the commit REPOSITORY/.git's HEAD names, or says on
// standard error why it cannot, exiting 1.
//
// A program of its own because the repository is a student's: the grader
// runs it with limits on time and memory (classroom/hand_in_time.cpp), so a
// FIFO where an object should be, or a small pack that inflates to
// gigabytes, costs a timeout, not the batch. It reads the repository
// without git and without its configuration — HEAD, the refs and the object
// database, through libgit2's object database alone — so nothing in
// .git/config, hooks or attributes can run; and it refuses what could lead
// it out of the repository: a link anywhere in what it reads, an
// objects/info/alternates file, anything but folders and plain files under
// objects/.
#include <fcntl.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_ref_bytes = 4096;
constexpr std::size_t max_packed_refs_bytes = 16 << 20;
constexpr std::size_t max_commit_bytes = 1 << 20;  // a commit is a few hundred bytes; more is no commit
constexpr int max_symbolic_refs = 5;
constexpr std::size_t max_object_entries = 500'000;
constexpr std::size_t object_id_length = 40;

struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `path` (below `base`) with no link in any of its parts: a link could lead anywhere.
void no_link_below(const fs::path& base, const fs::path& relative) {
  fs::path at = base;
  for (const auto& part : relative) {
    at /= part;
    struct stat about {};
    if (lstat(at.c_str(), &about) != 0) throw Refused("no " + at.string());
    if (S_ISLNK(about.st_mode)) throw Refused(at.string() + " is a link");
  }
}

/// A plain file's first `limit` bytes, opened without following a link or
/// waiting on a FIFO.
std::string read_plain_file(const fs::path& file, std::size_t limit) {
  const int fd = open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw Refused("cannot open " + file.string());
  struct stat about {};
  if (fstat(fd, &about) != 0 || !S_ISREG(about.st_mode)) {
    close(fd);
    throw Refused(file.string() + " is no plain file");
  }
  std::string text(std::min<std::size_t>(limit, static_cast<std::size_t>(about.st_size)), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = read(fd, text.data() + got, text.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fd);
  text.resize(got);
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string first_line(const std::string& text) {
  return trimmed(text.substr(0, text.find('\n')));
}

bool is_object_id(const std::string& text) {
  return text.size() == object_id_length && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

/// A ref name git itself would write: under refs/, no "..", no empty part.
bool is_ref_name(const std::string& name) {
  if (!name.starts_with("refs/") || name.ends_with("/") || name.ends_with(".lock")) return false;
  if (name.find("..") != std::string::npos || name.find("//") != std::string::npos) return false;
  return name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+") ==
         std::string::npos;
}

std::optional<std::string> packed_ref(const fs::path& git_dir, const std::string& name) {
  struct stat about {};
  if (lstat((git_dir / "packed-refs").c_str(), &about) != 0) return std::nullopt;
  std::istringstream lines(read_plain_file(git_dir / "packed-refs", max_packed_refs_bytes));
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > object_id_length + 1 && line[object_id_length] == ' ' &&
        trimmed(line.substr(object_id_length + 1)) == name)
      return line.substr(0, object_id_length);
  }
  return std::nullopt;
}

/// The object id HEAD names, following symbolic refs as git does.
std::string head_commit(const fs::path& git_dir) {
  std::string value = first_line(read_plain_file(git_dir / "HEAD", max_ref_bytes));
  for (int depth = 0; depth <= max_symbolic_refs; ++depth) {
    if (is_object_id(value)) return value;
    if (!value.starts_with("ref: ")) throw Refused("HEAD names neither a commit nor a ref");
    const std::string name = trimmed(value.substr(5));
    if (!is_ref_name(name)) throw Refused("HEAD names '" + name + "', no ref git would write");
    struct stat about {};
    if (lstat((git_dir / name).c_str(), &about) == 0) {
      no_link_below(git_dir, name);
      value = first_line(read_plain_file(git_dir / name, max_ref_bytes));
    } else if (auto packed = packed_ref(git_dir, name)) {
      value = *packed;
    } else {
      throw Refused("the branch " + name + " has no commit");
    }
  }
  throw Refused("HEAD's refs name each other round");
}

/// Under objects/, folders and plain files only, and no alternates: what
/// libgit2 opens is the repository's own, and never waits on a FIFO.
void check_objects(const fs::path& objects) {
  no_link_below(objects.parent_path(), "objects");
  struct stat about {};
  if (lstat((objects / "info" / "alternates").c_str(), &about) == 0)
    throw Refused("it borrows objects from elsewhere (objects/info/alternates)");
  std::size_t seen = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(objects, error), end; !error && it != end; it.increment(error)) {
    if (++seen > max_object_entries) throw Refused("its object database is too large to read");
    const auto type = it->symlink_status(error).type();
    if (type != fs::file_type::directory && type != fs::file_type::regular)
      throw Refused(it->path().string() + " is neither a folder nor a plain file");
  }
  if (error) throw Refused("cannot list " + objects.string() + ": " + error.message());
}

template <typename T, void (*Free)(T*)>
struct Freed {
  void operator()(T* p) const { Free(p); }
};

void check_git(int error, const char* what) {
  if (error != 0) {
    const git_error* last = git_error_last();
    throw Refused(std::string(what) + ": " + (last ? last->message : "libgit2 failed"));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: mathlings-commit-time REPOSITORY\n");
    return 2;
  }
  try {
    const fs::path repository = argv[1];
    no_link_below(repository, ".git");
    const fs::path git_dir = repository / ".git";
    struct stat about {};
    if (lstat(git_dir.c_str(), &about) != 0 || !S_ISDIR(about.st_mode)) throw Refused(".git is no folder");
    const std::string head = head_commit(git_dir);
    check_objects(git_dir / "objects");
    git_libgit2_init();
    // Map packs in small windows: a large honest pack fits the memory the grader allows.
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<std::size_t>(32) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<std::size_t>(256) << 20);
    git_odb* raw_odb = nullptr;
    check_git(git_odb_open(&raw_odb, (git_dir / "objects").c_str()), "its object database");
    std::unique_ptr<git_odb, Freed<git_odb, git_odb_free>> odb(raw_odb);
    git_oid id;
    check_git(git_oid_fromstr(&id, head.c_str()), "HEAD's commit id");
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    check_git(git_odb_read_header(&size, &type, odb.get(), &id), "HEAD's commit");
    if (type != GIT_OBJECT_COMMIT) throw Refused("HEAD names no commit");
    if (size > max_commit_bytes) throw Refused("HEAD's commit is too large to be one");
    git_repository* raw_repository = nullptr;
    check_git(git_repository_wrap_odb(&raw_repository, odb.get()), "its object database");
    std::unique_ptr<git_repository, Freed<git_repository, git_repository_free>> wrapped(raw_repository);
    git_commit* raw_commit = nullptr;
    check_git(git_commit_lookup(&raw_commit, wrapped.get(), &id), "HEAD's commit");
    std::unique_ptr<git_commit, Freed<git_commit, git_commit_free>> commit(raw_commit);
    std::printf("%lld %d %s\n", static_cast<long long>(git_commit_time(commit.get())),
                git_commit_time_offset(commit.get()), head.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
