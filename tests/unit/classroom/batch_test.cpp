// `mathlings batch` on a small class whose submissions need no
// compiling (empty, binary, unreadable, missing): who gets which row, what a
// run again keeps, how shards split a class and what each shard records. The batch.* integration tests
// grade a real class end to end.
#include "classroom/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "exec/process.hpp"
#include "support/small_class.hpp"

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

class Batch : public testing::SmallClass {};

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

}  // namespace
}  // namespace mathlings
