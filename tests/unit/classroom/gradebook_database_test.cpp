// The term's gradebook database: what a run records, that resuming records
// nothing twice and a regrade adds beside, that a run killed or failing
// midway leaves nothing half recorded, migrations from every earlier schema,
// a file from a newer mathlings refused, and two writers at once.
#include "classroom/gradebook_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <thread>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

StudentRow graded(const std::string& student, double score, const std::string& submission = "s1") {
  StudentRow row;
  row.student = student;
  row.submission_hash = submission;
  ExerciseResult e;
  e.id = "01-linear-algebra/elimination";
  e.tests.push_back({.name = "solves a 3x3 system",
                     .status = score > 0 ? TestStatus::passed : TestStatus::failed,
                     .score = score,
                     .max_score = 10,
                     .message = "",
                     .hidden = false,
                     .misconception = score > 0 ? "" : "sign-flip"});
  e.max_score = 10;
  e.settle();
  row.result.exercises.push_back(e);
  return row;
}

class GradebookDb : public ::testing::Test {
 protected:
  RunInfo run_of(const std::string& course = "c1", const std::string& assignment = "") {
    return {"batch", "/class", "/out", course, assignment};
  }
  /// Every table's SQL, as sqlite_master keeps it.
  static std::string schema_of(const fs::path& file) {
    SQLite::Database db(file.string());
    SQLite::Statement query(db, "SELECT name, sql FROM sqlite_master ORDER BY name");
    std::string schema;
    while (query.executeStep()) schema += query.getColumn(0).getString() + ": " + query.getColumn(1).getString() + "\n";
    return schema;
  }
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-gradebook-db-test-"};
  fs::path file = work.path() / "term.db";
};

TEST_F(GradebookDb, RecordsARunWithEveryStudentsGradingExercisesAndTests) {
  GradebookDatabase db(file);
  EXPECT_EQ(db.schema_version(), static_cast<int>(gradebook_migrations().size()));
  const auto run = db.begin_run(run_of());
  StudentRow missing;
  missing.student = "zoe";
  missing.status = "missing";
  EXPECT_EQ(db.finish_run(run, {graded("alice", 10), graded("bob", 0), missing}), 3);
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 1u);
  EXPECT_EQ(alice[0].run, run);
  EXPECT_EQ(alice[0].status, "graded");
  EXPECT_EQ(alice[0].score, 10.0);
  EXPECT_EQ(alice[0].max_score, 10.0);
  EXPECT_EQ(alice[0].course_hash, "c1");
  EXPECT_EQ(alice[0].graded_at.size(), 20u);    // 2026-12-07T09:40:12Z
  EXPECT_FALSE(db.history("zoe").at(0).score);  // no score, not a 0 that adds up
  SQLite::Database raw(file.string());
  EXPECT_EQ(raw.execAndGet("SELECT misconception FROM test_outcomes t JOIN gradings g ON g.id = t.grading_id "
                           "WHERE g.student = 'bob'")
                .getString(),
            "sign-flip");
  EXPECT_EQ(raw.execAndGet("SELECT e.status FROM exercise_outcomes e JOIN gradings g ON g.id = e.grading_id "
                           "WHERE g.student = 'alice'")
                .getString(),
            "passed");
  EXPECT_EQ(db.runs(), (std::pair{1, 1}));
}

TEST_F(GradebookDb, ARunAgainRecordsOnlyWhatChangedAndARegradeAddsBesideTheOld) {
  GradebookDatabase db(file);
  db.finish_run(db.begin_run(run_of()), {graded("alice", 10), graded("bob", 0)});
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), {graded("alice", 10), graded("bob", 0)}), 0);            // resumed
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), {graded("alice", 10), graded("bob", 10, "s2")}), 1);     // bob mended
  EXPECT_EQ(db.finish_run(db.begin_run(run_of("c2")), {graded("alice", 8), graded("bob", 10, "s2")}), 2);  // regrade
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 2u);  // nothing overwritten
  EXPECT_EQ(alice[0].score, 10.0);
  EXPECT_EQ(alice[1].score, 8.0);
  EXPECT_EQ(alice[1].course_hash, "c2");
  EXPECT_EQ(db.history("bob").size(), 3u);
  EXPECT_EQ(db.runs(), (std::pair{4, 4}));
}

TEST_F(GradebookDb, EachAssignmentHasAHistoryOfItsOwn) {
  GradebookDatabase db(file);
  db.finish_run(db.begin_run(run_of("c1", "norms")), {graded("alice", 10)});
  // The same hand-in graded for another assignment is a grading of that one.
  EXPECT_EQ(db.finish_run(db.begin_run(run_of("c1", "normalize")), {graded("alice", 10)}), 1);
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[0].assignment, "norms");
  EXPECT_EQ(alice[1].assignment, "normalize");
}

TEST_F(GradebookDb, TheGradingsOfAFileOfTheFirstSchemaSurviveTheMigration) {
  { GradebookDatabase first(file, 1); }
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO runs (command, root, output, course_hash, grader_version, started_at, finished_at) "
        "VALUES ('batch', '/c', '/o', 'c0', '0.9', '2026-09-01T10:00:00Z', '2026-09-01T10:05:00Z')");
    raw.exec(
        "INSERT INTO gradings (run_id, student, name, email, status, message, submission_hash, course_hash, "
        "grader_version, graded_at, score, max_score) VALUES (1, 'alice', 'Alice', '', 'graded', '', 's0', "
        "'c0', '0.9', '2026-09-01T10:05:00Z', 7, 10)");
  }
  GradebookDatabase migrated(file);
  const auto alice = migrated.history("alice");
  ASSERT_EQ(alice.size(), 1u);
  EXPECT_EQ(alice[0].score, 7.0);
  EXPECT_EQ(alice[0].assignment, "");  // the whole course, as every grading was then
  EXPECT_EQ(migrated.runs(), (std::pair{1, 1}));
}

TEST_F(GradebookDb, ARunThatNeverFinishesLeavesItsStartAndNoGrading) {
  {
    GradebookDatabase db(file);
    db.begin_run(run_of());  // killed before its end
  }
  GradebookDatabase db(file);
  EXPECT_EQ(db.runs(), (std::pair{1, 0}));
  EXPECT_TRUE(db.history("alice").empty());
}

TEST_F(GradebookDb, ARunThatFailsWhileRecordingRecordsNothingOfIt) {
  GradebookDatabase db(file);
  StudentRow twice = graded("alice", 10);
  twice.result.exercises.push_back(twice.result.exercises.front());  // one exercise twice: the insert fails
  const auto run = db.begin_run(run_of());
  EXPECT_THROW(db.finish_run(run, {graded("bob", 10), twice}), GraderError);
  EXPECT_TRUE(db.history("bob").empty());  // rolled back with alice
  EXPECT_EQ(db.runs(), (std::pair{1, 0}));
}

TEST_F(GradebookDb, MigratesFromEveryEarlierSchemaToTheSameAsAFreshFile) {
  const int latest = static_cast<int>(gradebook_migrations().size());
  { GradebookDatabase fresh(work.path() / "fresh.db"); }
  const std::string expected = schema_of(work.path() / "fresh.db");
  for (int version = 0; version < latest; ++version) {
    const fs::path old = work.path() / ("v" + std::to_string(version) + ".db");
    { GradebookDatabase at(old, version); }
    GradebookDatabase migrated(old);
    EXPECT_EQ(migrated.schema_version(), latest) << "from version " << version;
    migrated.finish_run(migrated.begin_run(run_of()), {graded("alice", 10)});
    EXPECT_EQ(migrated.history("alice").size(), 1u) << "from version " << version;
    EXPECT_EQ(schema_of(old), expected) << "from version " << version;
  }
}

TEST_F(GradebookDb, RefusesAFileFromANewerMathlingsOrNoDatabaseNamingIt) {
  { SQLite::Database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("PRAGMA user_version = 99"); }
  try {
    GradebookDatabase db(file);
    FAIL() << "opened a newer schema";
  } catch (const GraderError& e) {
    EXPECT_NE(std::string(e.what()).find(file.string() + ": its schema is version 99, written by a newer mathlings"),
              std::string::npos)
        << e.what();
  }
  const fs::path text = work.path() / "notes.db";
  write_file_atomically(text, "these are notes, not a database, and they are long enough to have a header\n");
  try {
    GradebookDatabase db(text);
    FAIL() << "opened a text file";
  } catch (const GraderError& e) {
    EXPECT_NE(std::string(e.what()).find(text.string()), std::string::npos) << e.what();
  }
}

TEST_F(GradebookDb, TwoWritersAtOnceBothRecordEverything) {
  { GradebookDatabase created(file); }
  const auto writer = [&](const std::string& prefix) {
    GradebookDatabase db(file);
    for (int round = 0; round < 20; ++round) {
      std::vector<StudentRow> rows;
      for (int k = 0; k < 5; ++k)
        rows.push_back(graded(prefix + std::to_string(k), round, "s" + std::to_string(round)));
      db.finish_run(db.begin_run(run_of()), rows);
    }
  };
  std::thread first(writer, "a"), second(writer, "b");
  first.join();
  second.join();
  GradebookDatabase db(file);
  EXPECT_EQ(db.runs(), (std::pair{40, 40}));
  EXPECT_EQ(db.history("a3").size(), 20u);
  EXPECT_EQ(db.history("b0").size(), 20u);
}

}  // namespace
}  // namespace mathlings
