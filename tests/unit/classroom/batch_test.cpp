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

TEST_F(Batch, AfterTheCourseChangesOnlyTheExercisesTheChangeTouchesAreGradedAgain) {
  const fs::path copy = work.path() / "course";
  fs::create_directories(copy);
  testing::copy_example_course(copy);
  course = load_course(copy);
  const fs::path out = work.path() / "out";
  batch(out);
  // The kept exercise is the earlier result's: marked here, so that grading it again would show.
  const fs::path alice = out / "results" / "alice.json";
  const std::string marked = read_file(alice);
  ASSERT_NE(marked.find("\"id\": \"01-vector-norms/normalize\""), std::string::npos) << marked;
  std::string changed = marked;
  const auto at = changed.find("\"message\": \"", changed.find("\"id\": \"01-vector-norms/normalize\""));
  changed.insert(at + 12, "kept: ");
  write_file_atomically(alice, changed);
  // A spec fixed: its exercise is graded again for everyone with a result, the other kept.
  const fs::path spec = copy / "specs" / "01-vector-norms" / "norms.yaml";
  write_file_atomically(spec, read_file(spec) + "# a test's tolerance fixed\n");
  course = load_course(copy);
  BatchSummary again = batch(out);
  EXPECT_EQ(again.resumed, 0);
  EXPECT_EQ(again.graded, 2);
  EXPECT_EQ(again.partly_kept, 2);
  EXPECT_EQ(row_of(again.rows, "alice").result.exercises[1].message.rfind("kept: ", 0), 0u)
      << row_of(again.rows, "alice").result.exercises[1].message;
  EXPECT_EQ(again.graded_again, (std::map<std::string, int>{{"01-vector-norms/norms", 2}}));
  EXPECT_EQ(row_of(again.rows, "alice").result.exercises.size(), 2u);  // in the course's order, as before
  EXPECT_EQ(row_of(again.rows, "alice").result.exercises[1].id, "01-vector-norms/normalize");
  // A header every exercise sees: everything is graded again.
  const fs::path header = *files_under(copy / "include").begin();
  write_file_atomically(header, read_file(header) + "\n// changed\n");
  course = load_course(copy);
  again = batch(out);
  EXPECT_EQ(again.partly_kept, 0);
  EXPECT_EQ(again.graded, 2);
  // A hand-in changed: all of it is graded again, whatever the course did.
  write_file_atomically(spec, read_file(spec) + "# and again\n");
  course = load_course(copy);
  hand_in_bob(std::string("\0another binary", 15));
  again = batch(out);
  EXPECT_EQ(again.partly_kept, 1);  // alice only
  EXPECT_EQ(again.graded_again, (std::map<std::string, int>{{"01-vector-norms/norms", 1}}));
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
