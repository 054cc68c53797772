// Hand-in times: the roster's before a repository's commit before the
// files'; a repository read from its packs and packed refs as from loose
// files; and a hostile repository — a configuration that would run programs,
// hooks, a .git or objects folder that is a link, refs that climb out,
// borrowed objects, a FIFO where an object should be, a forged date — runs
// nothing, reads nothing outside it, and never hangs the grader.
#include "classroom/hand_in_time.hpp"

#include <git2.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <cstdlib>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

/// Creates the folders it needs, and replaces what is there.
void write_file(const fs::path& file, const std::string& content) {
  fs::create_directories(file.parent_path());
  write_file_atomically(file, content);
}

void check(int error) {
  if (error != 0) FAIL() << "libgit2: " << git_error_last()->message;
}

/// Writes `files` into `dir` and commits them there as a student would, the
/// author and the committer at different times.
std::string commit_files(const fs::path& dir, git_time_t committed, int offset_minutes) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  check(git_repository_init(&repo, dir.c_str(), 0));
  write_file(dir / "01-linear-algebra" / "elimination.cpp", "int x;\n");
  git_index* index = nullptr;
  check(git_repository_index(&index, repo));
  check(git_index_add_bypath(index, "01-linear-algebra/elimination.cpp"));
  git_oid tree_id, commit_id;
  check(git_index_write_tree(&tree_id, index));
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo, &tree_id));
  git_signature *author = nullptr, *committer = nullptr;
  check(git_signature_new(&author, "Alice", "alice@example.org", committed - 86400, 0));
  check(git_signature_new(&committer, "Alice", "alice@example.org", committed, offset_minutes));
  check(git_commit_create_v(&commit_id, repo, "HEAD", author, committer, nullptr, "solutions", tree, 0));
  git_signature_free(author);
  git_signature_free(committer);
  git_tree_free(tree);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &commit_id);
  return hex;
}

/// Packs every object into one pack and every ref into packed-refs, and
/// removes the loose ones: a repository as `git clone` leaves it.
void pack_everything(const fs::path& dir, const std::string& commit) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  check(git_repository_open(&repo, dir.c_str()));
  git_packbuilder* pack = nullptr;
  check(git_packbuilder_new(&pack, repo));
  git_oid id;
  check(git_oid_fromstr(&id, commit.c_str()));
  check(git_packbuilder_insert_commit(pack, &id));
  check(git_packbuilder_write(pack, nullptr, 0, nullptr, nullptr));
  git_packbuilder_free(pack);
  git_repository_free(repo);
  git_libgit2_shutdown();
  const fs::path git = dir / ".git";
  for (const auto& e : fs::directory_iterator(git / "objects"))
    if (e.path().filename().string().size() == 2) fs::remove_all(e.path());
  std::string packed = "# pack-refs with: peeled fully-peeled sorted \n";
  for (const auto& e : fs::recursive_directory_iterator(git / "refs")) {
    if (!e.is_regular_file()) continue;
    packed += read_file(e.path()).substr(0, GIT_OID_HEXSZ) + " " + fs::relative(e.path(), git).string() + "\n";
    fs::remove(e.path());
  }
  write_file(git / "packed-refs", packed);
}

void set_modified(const fs::path& file, std::int64_t epoch_seconds) {
  const struct timespec times[2] = {{epoch_seconds, 0}, {epoch_seconds, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, file.c_str(), times, AT_SYMLINK_NOFOLLOW), 0) << file;
}

constexpr std::int64_t due_day = 1'791'237'540;  // 2026-10-05T21:59:00Z

class HandInTime : public ::testing::Test {
 protected:
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-hand-in-test-"};
  fs::path repo = work.path() / "alice";
};

TEST_F(HandInTime, ARepositorysTimeIsItsHeadCommitsCommitterTimeWithItsOffset) {
  const std::string commit = commit_files(repo, due_day + 600, 120);
  const auto found = hand_in_time(repo, std::nullopt).found;
  ASSERT_TRUE(found);
  EXPECT_EQ(found->at, (Moment{due_day + 600, 120}));
  EXPECT_EQ(found->source, "commit");
  EXPECT_EQ(found->detail, "commit " + commit.substr(0, 7));
}

TEST_F(HandInTime, AClonesPacksAndPackedRefsAreReadAsLooseObjectsAre) {
  const std::string commit = commit_files(repo, due_day - 60, -300);
  pack_everything(repo, commit);
  ASSERT_TRUE(fs::is_regular_file(repo / ".git" / "packed-refs"));
  const auto found = commit_time(repo).found;
  ASSERT_TRUE(found) << commit_time(repo).why_none;
  EXPECT_EQ(found->at, (Moment{due_day - 60, -300}));
  // A detached HEAD names its commit itself.
  write_file(repo / ".git" / "HEAD", commit + "\n");
  EXPECT_EQ(commit_time(repo).found->at.epoch_seconds, due_day - 60);
}

TEST_F(HandInTime, AHostileRepositoryRunsNothingAndIsReadAsAnyOther) {
  commit_files(repo, due_day, 0);
  const fs::path ran = work.path() / "ran";
  const std::string run = "touch " + ran.string();
  // Every way a repository's own files can make git run a program.
  write_file(repo / ".git" / "config", "[core]\n\tfsmonitor = " + run + "\n\thooksPath = hooks\n\tsshCommand = " + run +
                                           "\n\tpager = " + run + "\n[gpg]\n\tprogram = " + run +
                                           "\n[log]\n\tshowSignature = true\n[diff \"x\"]\n\ttextconv = " + run +
                                           "\n[filter \"x\"]\n\tsmudge = " + run + "\n\tclean = " + run +
                                           "\n[include]\n\tpath = " + (work.path() / "elsewhere").string() + "\n");
  write_file(repo / ".gitattributes", "* diff=x filter=x\n");
  for (const char* hook : {"post-checkout", "pre-commit", "reference-transaction", "fsmonitor-watchman"}) {
    write_file(repo / ".git" / "hooks" / hook, "#!/bin/sh\n" + run + "\n");
    fs::permissions(repo / ".git" / "hooks" / hook, fs::perms::owner_all);
  }
  const auto found = hand_in_time(repo, std::nullopt).found;
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, "commit");
  EXPECT_EQ(found->at.epoch_seconds, due_day);
  EXPECT_FALSE(fs::exists(ran)) << "reading a hand-in time ran the student's program";
  // The repository is as hostile as it looks: git itself, asked its status, runs it.
  if (fs::exists("/usr/bin/git")) {
    const std::string status = "cd '" + repo.string() + "' && /usr/bin/git status >/dev/null 2>&1";
    [[maybe_unused]] const int ignored = std::system(status.c_str());
    EXPECT_TRUE(fs::exists(ran)) << "the hostile configuration no longer makes git run anything: make it so again";
  }
}

TEST_F(HandInTime, RefsThatLeaveTheRepositoryOrNameNoCommitGiveNoCommitTime) {
  const std::string commit = commit_files(repo, due_day, 0);
  const fs::path head = repo / ".git" / "HEAD";
  // Outside the repository, a file that does name the commit: reading it would give a time.
  write_file(work.path() / "secret", commit + "\n");
  write_file(repo / ".git" / "secret", commit + "\n");  // inside .git, but not under refs/
  for (const std::string& hostile : std::vector<std::string>{
           "ref: refs/../../secret", "ref: " + (work.path() / "secret").string(), "ref: refs/../secret",
           "ref: refs/heads/none", "0123456789012345678901234567890123456789", "garbage"}) {
    write_file(head, hostile + "\n");
    const auto lookup = commit_time(repo);
    EXPECT_FALSE(lookup.found) << hostile;
    EXPECT_NE(lookup.why_none, "") << hostile;
  }
  // A ref that names itself: followed a few times, then given up.
  write_file(head, "ref: refs/heads/loop\n");
  write_file(repo / ".git" / "refs" / "heads" / "loop", "ref: refs/heads/loop\n");
  EXPECT_FALSE(commit_time(repo).found);
  // A ref file, or the refs folder, that is a link to one outside is not followed.
  fs::create_symlink(work.path() / "secret", repo / ".git" / "refs" / "heads" / "linked");
  write_file(head, "ref: refs/heads/linked\n");
  EXPECT_FALSE(commit_time(repo).found);
  write_file(work.path() / "elsewhere" / "refs" / "heads" / "main", commit + "\n");
  fs::rename(repo / ".git" / "refs", work.path() / "own-refs");
  fs::create_directory_symlink(work.path() / "elsewhere" / "refs", repo / ".git" / "refs");
  write_file(head, "ref: refs/heads/main\n");
  EXPECT_FALSE(commit_time(repo).found);
  // HEAD naming a blob, not a commit.
  git_libgit2_init();
  git_oid blob;
  git_repository* r = nullptr;
  check(git_repository_open(&r, repo.c_str()));
  check(git_blob_create_from_buffer(&blob, r, "x", 1));
  git_repository_free(r);
  git_libgit2_shutdown();
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &blob);
  write_file(head, std::string(hex) + "\n");
  EXPECT_FALSE(commit_time(repo).found);
}

TEST_F(HandInTime, ObjectsFromElsewhereOrThatAreNoFilesAreRefusedWithoutHanging) {
  const std::string commit = commit_files(repo, due_day, 0);
  const fs::path objects = repo / ".git" / "objects";
  ASSERT_TRUE(commit_time(repo).found);
  // Borrowed objects: the commit is read from nowhere but the repository.
  write_file(objects / "info" / "alternates", (work.path() / "elsewhere").string() + "\n");
  EXPECT_NE(commit_time(repo).why_none.find("alternates"), std::string::npos) << commit_time(repo).why_none;
  fs::remove(objects / "info" / "alternates");
  // A FIFO where the commit's object is: libgit2 would wait on it forever.
  const fs::path object = objects / commit.substr(0, 2) / commit.substr(2);
  fs::rename(object, work.path() / "object");
  ASSERT_EQ(mkfifo(object.c_str(), 0600), 0);
  const auto fifo = commit_time(repo);
  EXPECT_FALSE(fifo.found);
  EXPECT_NE(fifo.why_none.find("neither a folder nor a plain file"), std::string::npos) << fifo.why_none;
  fs::remove(object);
  fs::rename(work.path() / "object", object);
  // The objects folder a link to another's.
  fs::rename(objects, work.path() / "objects");
  fs::create_directory_symlink(work.path() / "objects", objects);
  EXPECT_NE(commit_time(repo).why_none.find("is a link"), std::string::npos) << commit_time(repo).why_none;
}

TEST_F(HandInTime, AForgedDateIsNoHandInTimeAndARepositoryWithoutOneIsNotDatedByItsFiles) {
  for (const std::int64_t forged : {2'114'380'800, 631'152'000}) {  // 2037, 1990
    fs::remove_all(repo);
    commit_files(repo, forged, 0);
    const auto lookup = hand_in_time(repo, std::nullopt);
    EXPECT_FALSE(lookup.found) << forged;
    EXPECT_NE(lookup.why_none.find("which no hand-in can be"), std::string::npos) << lookup.why_none;
  }
  // A .git that is a file (a worktree's): no time, not the files' (when it was copied).
  const fs::path worktree = work.path() / "worktree";
  write_file(worktree / ".git", "gitdir: /somewhere/else\n");
  write_file(worktree / "01-linear-algebra" / "elimination.cpp", "int x;\n");
  EXPECT_FALSE(hand_in_time(worktree, std::nullopt).found);
  EXPECT_NE(hand_in_time(worktree, std::nullopt).why_none.find("cannot be read"), std::string::npos);
  // A repository cloned into the one folder the hand-in holds is found there.
  commit_files(work.path() / "wrapped" / "hw1-erin", due_day + 7, 0);
  EXPECT_EQ(hand_in_time(work.path() / "wrapped", std::nullopt).found->at.epoch_seconds, due_day + 7);
}

TEST_F(HandInTime, ADotGitThatIsALinkIsNoRepositoryOfTheStudents) {
  commit_files(work.path() / "someone-else", due_day, 0);
  fs::create_directories(repo);
  write_file(repo / "01-linear-algebra" / "elimination.cpp", "int x;\n");
  fs::create_directory_symlink(work.path() / "someone-else" / ".git", repo / ".git");
  const auto lookup = hand_in_time(repo, std::nullopt);
  EXPECT_FALSE(lookup.found);  // not someone else's commit
  EXPECT_NE(lookup.why_none.find("is a link"), std::string::npos) << lookup.why_none;
}

TEST_F(HandInTime, TheRosterComesFirstThenTheCommitThenTheFiles) {
  commit_files(repo, due_day, 0);
  const Moment recorded{due_day + 3600, 60};
  EXPECT_EQ(hand_in_time(repo, recorded).found->source, "roster");
  EXPECT_EQ(hand_in_time(repo, recorded).found->at, recorded);
  EXPECT_EQ(hand_in_time(repo, std::nullopt).found->source, "commit");

  // A folder with no repository: its newest file, links not followed.
  const fs::path folder = work.path() / "bob";
  write_file(folder / "01-linear-algebra" / "elimination.cpp", "int x;\n");
  write_file(folder / "notes.txt", "x\n");
  write_file(folder / ".git-not" / "x", "x\n");
  set_modified(folder / "01-linear-algebra" / "elimination.cpp", due_day - 100);
  set_modified(folder / "notes.txt", due_day + 200);
  set_modified(folder / ".git-not" / "x", due_day - 300);
  fs::create_symlink("/etc/hostname", folder / "link");
  set_modified(folder / "link", due_day + 99999);
  const auto files = hand_in_time(folder, std::nullopt).found;
  ASSERT_TRUE(files);
  EXPECT_EQ(files->source, "files");
  EXPECT_EQ(files->at.epoch_seconds, due_day + 200);
  EXPECT_EQ(files->detail, "the newest modification time of its 3 files");

  // An archive: its own time, as the download set it.
  const fs::path archive = work.path() / "carol.zip";
  write_file(archive, "PK");
  set_modified(archive, due_day + 42);
  EXPECT_EQ(hand_in_time(archive, std::nullopt).found->at.epoch_seconds, due_day + 42);
  EXPECT_EQ(hand_in_time(archive, std::nullopt).found->detail, "the archive's modification time");

  // Nothing at all: no time.
  fs::create_directories(work.path() / "empty");
  EXPECT_FALSE(hand_in_time(work.path() / "empty", std::nullopt).found);
  EXPECT_EQ(hand_in_time(work.path() / "empty", std::nullopt).why_none, "it holds no file to date it by");
}

}  // namespace
}  // namespace mathlings
