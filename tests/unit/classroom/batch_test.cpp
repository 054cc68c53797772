// `mathlings batch` and `merge` on a small class whose submissions need no
// compiling (empty, binary, unreadable, missing): who gets which row, what a
// run again keeps, how shards split a class. The batch.* integration tests
// grade a real class end to end.
#include "classroom/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"
#include "classroom/archive.hpp"
#include "exec/process.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

TEST(ShardOf, PutsEveryStudentInOneOfTheShardsAlwaysTheSame) {
  std::set<unsigned> used;
  for (int k = 0; k < 200; ++k) {
    const std::string student = "student-" + std::to_string(k);
    const unsigned shard = shard_of(student, 4);
    EXPECT_GE(shard, 1u);
    EXPECT_LE(shard, 4u);
    EXPECT_EQ(shard_of(student, 4), shard);
    EXPECT_EQ(shard_of(student, 1), 1u);
    used.insert(shard);
  }
  EXPECT_EQ(used.size(), 4u);  // 200 students fill every one of 4 shards
}

/// A class of four: alice handed in an empty folder, bob a zip holding a
/// binary file, "notes.txt" is a stray file, and zoe (on the roster only)
/// handed in nothing. None of it needs the compiler.
class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root / "alice");
    write_file_atomically(root / "notes.txt", "not a submission\n");
    hand_in_bob(
        std::string("\x7f"
                    "ELF\0\0binary",
                    12));
    write_file_atomically(work.path() / "roster.csv",
                          "student,name,email\nalice,Alice,a@example.org\n"
                          "bob,Bob,b@example.org\nzoe,Zoe,z@example.org\n");
  }
  void TearDown() override { limit_concurrent_processes(0); }  // a batch limits them for the whole process

  void hand_in_bob(const std::string& norms) {
    const fs::path file = work.path() / "bob-files" / "01-vector-norms" / "norms.cpp";
    write_file_atomically(file, norms);
    write_zip(root / "bob.zip", {{"01-vector-norms/norms.cpp", file}});
  }
  BatchSummary batch(const fs::path& output, bool with_roster = false, unsigned shard = 1, unsigned shards = 1) {
    BatchOptions options;
    options.root = root;
    options.output = output;
    options.jobs = 2;
    options.shard = shard;
    options.shards = shards;
    if (with_roster) options.roster = work.path() / "roster.csv";
    std::ostringstream progress;
    return run_batch(*course, toolchain, options, progress, false);
  }
  static const StudentRow& row_of(const std::vector<StudentRow>& rows, const std::string& student) {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const StudentRow& r) { return r.student == student; });
    if (it == rows.end()) throw std::runtime_error("no row for " + student);
    return *it;
  }
  /// Rewrites the status line of a student's .meta, as an earlier run would have left it.
  static void set_meta_status(const fs::path& output, const std::string& student, const std::string& status) {
    const fs::path meta = output / "results" / (student + ".meta");
    std::string text = read_file(meta);
    const auto first = text.find('\n'), second = text.find('\n', first + 1);
    text.replace(first + 1, second - first - 1, status);
    write_file_atomically(meta, text);
  }

  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-batch-test-"};
  fs::path root = work.path() / "class";
  std::unique_ptr<Course> course = load_course(testing::example_course_dir());
  Toolchain toolchain{fs::path(config::default_cache_dir)};
};

TEST_F(Batch, GivesEveryEntryARowWhateverItHandedIn) {
  const BatchSummary summary = batch(work.path() / "out");
  ASSERT_EQ(summary.rows.size(), 3u);
  const StudentRow& alice = row_of(summary.rows, "alice");
  EXPECT_EQ(alice.status, "graded");
  ASSERT_EQ(alice.result.exercises.size(), 2u);
  EXPECT_EQ(alice.result.exercises[0].status, ExerciseStatus::not_attempted);
  const StudentRow& bob = row_of(summary.rows, "bob");  // named after the archive, without .zip
  EXPECT_EQ(bob.status, "graded");
  EXPECT_EQ(bob.result.exercises.at(0).status, ExerciseStatus::compile_error);
  EXPECT_NE(bob.result.exercises[0].message.find("NUL bytes"), std::string::npos) << bob.result.exercises[0].message;
  const StudentRow& stray = row_of(summary.rows, "notes.txt");
  EXPECT_EQ(stray.status, "unreadable");
  EXPECT_NE(stray.message.find("neither a folder nor a .zip or .tar.gz"), std::string::npos) << stray.message;
  EXPECT_EQ(summary.graded, 2);
  EXPECT_EQ(summary.not_graded, 1);
  for (const char* student : {"alice", "bob", "notes.txt"}) {
    EXPECT_TRUE(fs::is_regular_file(work.path() / "out" / "results" / (std::string(student) + ".json"))) << student;
    EXPECT_TRUE(fs::is_regular_file(work.path() / "out" / "results" / (std::string(student) + ".meta"))) << student;
  }
  EXPECT_TRUE(fs::is_regular_file(work.path() / "out" / "gradebook.csv"));
  EXPECT_FALSE(fs::exists(work.path() / "out" / ".work"));  // unpacked archives are cleaned away
}

TEST_F(Batch, ARosterAddsWhoHandedInNothingAndNamesWhatIsOnNoRoster) {
  const BatchSummary summary = batch(work.path() / "out", true);
  ASSERT_EQ(summary.rows.size(), 4u);
  EXPECT_EQ(row_of(summary.rows, "zoe").status, "missing");
  EXPECT_EQ(row_of(summary.rows, "alice").name, "Alice");
  EXPECT_EQ(row_of(summary.rows, "bob").email, "b@example.org");
  EXPECT_EQ(summary.missing, std::vector<std::string>{"zoe"});
  EXPECT_EQ(summary.not_on_roster, std::vector<std::string>{"notes.txt"});
  EXPECT_EQ(summary.not_graded, 2);  // zoe and the stray file
}

TEST_F(Batch, RunAgainKeepsTheResultsOfUnchangedSubmissionsAndGradesChangedOnesAgain) {
  const fs::path out = work.path() / "out";
  batch(out);
  BatchSummary again = batch(out);
  EXPECT_EQ(again.resumed, 2);
  EXPECT_EQ(again.graded, 0);
  hand_in_bob(std::string("\0another binary", 15));  // the resume key covers the files
  again = batch(out);
  EXPECT_EQ(again.resumed, 1);
  EXPECT_EQ(again.graded, 1);
  EXPECT_EQ(row_of(again.rows, "bob").status, "graded");
}

TEST_F(Batch, RunAgainGradesADamagedResultAgain) {
  const fs::path out = work.path() / "out";
  batch(out);
  write_file_atomically(out / "results" / "alice.json", "{ \"schema\": ");
  const BatchSummary again = batch(out);
  EXPECT_EQ(again.resumed, 1);
  EXPECT_EQ(again.graded, 1);
  EXPECT_EQ(row_of(again.rows, "alice").result.exercises.size(), 2u);
}

TEST_F(Batch, ANotGradedRowIsNeverKeptAsAGrade) {
  const fs::path out = work.path() / "out";
  batch(out);
  set_meta_status(out, "alice", "not_graded");  // as when the machine was too busy
  const BatchSummary again = batch(out);
  EXPECT_EQ(again.resumed, 1);  // bob
  EXPECT_EQ(again.graded, 1);   // alice, graded again
  EXPECT_EQ(row_of(again.rows, "alice").status, "graded");
}

TEST_F(Batch, ShardsSplitTheClassAndMergeJoinsThem) {
  const BatchSummary first = batch(work.path() / "shard-1", true, 1, 2);
  const BatchSummary second = batch(work.path() / "shard-2", true, 2, 2);
  std::set<std::string> students;
  for (const auto* summary : {&first, &second}) {
    const unsigned shard = summary == &first ? 1 : 2;
    for (const auto& row : summary->rows) {
      EXPECT_EQ(shard_of(row.student, 2), shard) << row.student;
      EXPECT_TRUE(students.insert(row.student).second) << row.student << " is in both shards";
    }
  }
  EXPECT_EQ(students, (std::set<std::string>{"alice", "bob", "notes.txt", "zoe"}));
  std::ostringstream progress;
  const auto merged =
      merge_batches(*course, {work.path() / "shard-1", work.path() / "shard-2"}, work.path() / "merged", progress);
  ASSERT_EQ(merged.size(), 4u);
  EXPECT_EQ(merged[0].student, "alice");  // in student order
  EXPECT_EQ(row_of(merged, "zoe").status, "missing");
  EXPECT_EQ(row_of(merged, "alice").name, "Alice");
  EXPECT_EQ(row_of(merged, "bob").result.exercises.size(), 2u);
  EXPECT_TRUE(fs::is_regular_file(work.path() / "merged" / "gradebook.csv"));
  EXPECT_EQ(progress.str(), "");
}

TEST_F(Batch, MergeKeepsANotGradedRowsResultAndTheFirstOfAStudentInTwoInputs) {
  batch(work.path() / "a", true);
  batch(work.path() / "b", true);
  set_meta_status(work.path() / "a", "alice", "not_graded");
  std::ostringstream progress;
  const auto merged = merge_batches(*course, {work.path() / "a", work.path() / "b"}, work.path() / "merged", progress);
  ASSERT_EQ(merged.size(), 4u);
  const StudentRow& alice = row_of(merged, "alice");
  EXPECT_EQ(alice.status, "not_graded");  // the first input's
  EXPECT_EQ(alice.result.exercises.size(), 2u);
  EXPECT_TRUE(row_of(merged, "zoe").result.exercises.empty());
  EXPECT_NE(progress.str().find("alice is in more than one input; keeping the first"), std::string::npos)
      << progress.str();
}

TEST_F(Batch, MergeRefusesAFolderThatIsNoBatchOutput) {
  std::ostringstream progress;
  EXPECT_THROW(merge_batches(*course, {root}, work.path() / "merged", progress), UsageError);
}

}  // namespace
}  // namespace mathlings
