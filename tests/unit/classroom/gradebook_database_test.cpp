// The term's gradebook database: what a run records, that resuming records
// nothing twice and a regrade adds beside, that a run killed or failing
// midway leaves nothing half recorded, migrations from every earlier schema,
// a file from a newer mathlings refused, and two writers at once.
#include "classroom/gradebook_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "support/course_copy.hpp"

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
    return {"batch", "/class", "/out", course, assignment, ""};
  }
  /// Each table's columns, in order: "runs: id command ...".
  static std::string columns_of(const fs::path& file) {
    SQLite::Database db(file.string());
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::string text;
    while (tables.executeStep()) {
      const std::string table = tables.getColumn(0).getString();
      text += table + ":";
      SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
      columns.bind(1, table);
      while (columns.executeStep()) text += " " + columns.getColumn(0).getString();
      text += "\n";
    }
    return text;
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
  std::unique_ptr<Course> course = load_course(testing::example_course_dir());
};

TEST_F(GradebookDb, RecordsARunWithEveryStudentsGradingExercisesAndTests) {
  GradebookDatabase db(file);
  EXPECT_EQ(db.schema_version(), static_cast<int>(gradebook_migrations().size()));
  const auto run = db.begin_run(run_of());
  StudentRow missing;
  missing.student = "zoe";
  missing.status = "missing";
  EXPECT_EQ(db.finish_run(run, *course, {graded("alice", 10), graded("bob", 0), missing}), 3);
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 1u);
  EXPECT_EQ(alice[0].run, run);
  EXPECT_EQ(alice[0].status, "graded");
  EXPECT_EQ(alice[0].score, 10.0);
  EXPECT_EQ(alice[0].max_score, course_max_score(*course));  // out of the course's points, as the gradebook
  EXPECT_EQ(alice[0].course_hash, "c1");
  EXPECT_EQ(alice[0].graded_at.size(), 20u);      // 2026-12-07T09:40:12Z
  EXPECT_EQ(db.history("zoe").at(0).score, 0.0);  // as in the gradebook: handed in nothing
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
  db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10), graded("bob", 0)});
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10), graded("bob", 0)}), 0);  // resumed
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10), graded("bob", 10, "s2")}),
            1);  // bob mended
  RunInfo regrade = run_of("c2");
  regrade.command = "regrade";
  regrade.reason = "a spec fixed";
  EXPECT_EQ(db.finish_run(db.begin_run(regrade), *course, {graded("alice", 8), graded("bob", 10, "s2")}), 2);
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 2u);  // nothing overwritten
  EXPECT_EQ(alice[0].score, 10.0);
  EXPECT_FALSE(alice[0].previous_grading.has_value());
  EXPECT_EQ(alice[0].command, "batch");
  EXPECT_EQ(alice[1].score, 8.0);
  EXPECT_EQ(alice[1].course_hash, "c2");
  EXPECT_EQ(alice[1].previous_score, 10.0);  // side by side with the one it follows
  EXPECT_TRUE(alice[1].previous_grading.has_value());
  EXPECT_EQ(alice[1].command, "regrade");
  EXPECT_EQ(alice[1].reason, "a spec fixed");
  EXPECT_EQ(db.history("bob").size(), 3u);
  EXPECT_EQ(db.runs(), (std::pair{4, 4}));
}

TEST_F(GradebookDb, ANotGradedRowIsNeverRecordedAndAMissingOneScoresZeroAsInTheGradebook) {
  GradebookDatabase db(file);
  db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10)});
  StudentRow busy = graded("alice", 10);
  busy.status = "not_graded";  // the machine too busy: not a grade
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), *course, {busy}), 0);
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10)}), 0);  // still the latest
  StudentRow missing;
  missing.student = "zoe";
  missing.status = "missing";
  db.finish_run(db.begin_run(run_of()), *course, {missing});
  const auto zoe = db.history("zoe");
  ASSERT_EQ(zoe.size(), 1u);
  EXPECT_EQ(zoe[0].score, 0.0);
  EXPECT_EQ(zoe[0].max_score, course_max_score(*course));
  EXPECT_EQ(db.history("alice").size(), 1u);
}

TEST_F(GradebookDb, TheSameHandInGradedByAnotherVersionOfTheGraderIsRecordedBeside) {
  GradebookDatabase db(file);
  db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10)});
  { SQLite::Database(file.string(), SQLite::OPEN_READWRITE).exec("UPDATE gradings SET grader_version = '0.1'"); }
  EXPECT_EQ(db.finish_run(db.begin_run(run_of()), *course, {graded("alice", 10)}), 1);
  EXPECT_EQ(db.history("alice").size(), 2u);
}

TEST_F(GradebookDb, EachAssignmentHasAHistoryOfItsOwn) {
  GradebookDatabase db(file);
  db.finish_run(db.begin_run(run_of("c1", "norms")), *course, {graded("alice", 10)});
  // The same hand-in graded for another assignment is a grading of that one.
  EXPECT_EQ(db.finish_run(db.begin_run(run_of("c1", "normalize")), *course, {graded("alice", 10)}), 1);
  const auto alice = db.history("alice");
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[0].assignment, "norms");
  EXPECT_EQ(alice[1].assignment, "normalize");
}

TEST_F(GradebookDb, RecordsWhenEachHandedInAndThePenaltyBesideTheScoreAfterIt) {
  GradebookDatabase db(file);
  Assignment assignment;
  assignment.due = *parse_moment("2026-10-05T23:59+02:00");
  assignment.penalty_per_day = 0.25;
  std::vector<StudentRow> rows{graded("alice", 8), graded("bob", 8), graded("carol", 8)};
  rows[0].handed_in = HandIn{*parse_moment("2026-10-06T00:30+02:00"), "commit", "commit 1234567"};
  rows[1].handed_in = HandIn{*parse_moment("2026-10-05T20:00Z"), "roster", "the roster's submitted_at"};
  apply_late_policy(rows, assignment);
  db.finish_run(db.begin_run(run_of("c1", "norms")), *course, rows);
  const auto alice = db.history("alice").at(0);
  EXPECT_EQ(alice.score, 6.0);
  EXPECT_EQ(alice.score_before_penalty, 8.0);
  EXPECT_EQ(alice.penalty, 0.25);
  EXPECT_EQ(alice.minutes_late, 31);
  EXPECT_EQ(alice.handed_in, "2026-10-06T00:30:00+02:00");
  EXPECT_EQ(alice.handed_in_from, "commit");
  const auto bob = db.history("bob").at(0);
  EXPECT_EQ(bob.score, 8.0);
  EXPECT_EQ(bob.minutes_late, 0);
  EXPECT_EQ(bob.handed_in_from, "roster");
  const auto carol = db.history("carol").at(0);  // no time found: nothing said of lateness
  EXPECT_EQ(carol.score, 8.0);
  EXPECT_EQ(carol.handed_in, "");
  EXPECT_FALSE(carol.minutes_late.has_value());
  EXPECT_FALSE(carol.penalty.has_value());

  // An extension granted afterwards changes the score: recorded beside.
  assignment.extensions["alice"] = *parse_moment("2026-10-07T23:59+02:00");
  apply_late_policy(rows, assignment);
  EXPECT_EQ(db.finish_run(db.begin_run(run_of("c1", "norms")), *course, rows), 1);
  EXPECT_EQ(db.history("alice").at(1).score, 8.0);
  EXPECT_EQ(db.history("alice").at(0).score, 6.0);
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
  EXPECT_THROW(db.finish_run(run, *course, {graded("bob", 10), twice}), GraderError);
  EXPECT_TRUE(db.history("bob").empty());  // rolled back with alice
  EXPECT_EQ(db.runs(), (std::pair{1, 0}));
}

TEST_F(GradebookDb, MigratesFromEveryEarlierSchemaToTheSchemaOfToday) {
  // Written out, not derived from the migrations: a migration changed
  // afterwards, or a column added without one, fails here.
  const std::string today =
      "exercise_outcomes: grading_id exercise status score max_score\n"
      "gradings: id run_id student name email status message submission_hash course_hash grader_version graded_at "
      "score max_score assignment handed_in handed_in_from due minutes_late penalty score_before_penalty "
      "previous_grading_id previous_score\n"
      "runs: id command root output course_hash grader_version started_at finished_at assignment reason\n"
      "test_outcomes: grading_id exercise test status score max_score misconception\n";
  const int latest = static_cast<int>(gradebook_migrations().size());
  { GradebookDatabase fresh(work.path() / "fresh.db"); }
  EXPECT_EQ(columns_of(work.path() / "fresh.db"), today);
  for (int version = 0; version < latest; ++version) {
    const fs::path old = work.path() / ("v" + std::to_string(version) + ".db");
    { GradebookDatabase at(old, version); }
    GradebookDatabase migrated(old);
    EXPECT_EQ(migrated.schema_version(), latest) << "from version " << version;
    migrated.finish_run(migrated.begin_run(run_of()), *course, {graded("alice", 10)});
    EXPECT_EQ(migrated.history("alice").size(), 1u) << "from version " << version;
    EXPECT_EQ(columns_of(old), today) << "from version " << version;
    EXPECT_EQ(schema_of(old), schema_of(work.path() / "fresh.db")) << "from version " << version;
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
      db.finish_run(db.begin_run(run_of()), *course, rows);
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

TEST_F(GradebookDb, ManyOpeningANewFileAtOnceAllUseIt) {
  // Two batches started together on a new gradebook: switching it to WAL
  // takes the file's lock, which SQLite reports as "locked" at once.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const fs::path fresh = work.path() / ("fresh-" + std::to_string(attempt) + ".db");
    std::vector<std::thread> openers;
    std::atomic<int> failures{0};
    for (int k = 0; k < 8; ++k) {
      openers.emplace_back([&, k] {
        try {
          GradebookDatabase db(fresh);
          db.finish_run(db.begin_run(run_of()), *course, {graded("s" + std::to_string(k), 10)});
        } catch (const std::exception&) {
          ++failures;
        }
      });
    }
    for (auto& t : openers) t.join();
    EXPECT_EQ(failures, 0) << "attempt " << attempt;
    EXPECT_EQ(GradebookDatabase(fresh).runs(), (std::pair{8, 8}));
  }
}

}  // namespace
}  // namespace mathlings
