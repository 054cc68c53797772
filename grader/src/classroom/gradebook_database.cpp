#include "classroom/gradebook_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <sys/vfs.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

#include "base/config.hpp"
#include "base/errors.hpp"
#include "classroom/late_policy.hpp"
#include "model/result_reader.hpp"
#include "model/term.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

constexpr int busy_timeout_ms = 60'000;  // another batch recording its run: wait for it

/// Whether `file`'s folder is on NFS, SMB/CIFS, Lustre, GPFS, BeeGFS, Ceph
/// or another file system many machines share.
bool on_network_file_system(const fs::path& file) {
  struct statfs about {};
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (statfs(folder.c_str(), &about) != 0) return false;
  static const long shared[] = {0x6969 /* NFS */,
                                static_cast<long>(0xFF534D42) /* CIFS */,
                                static_cast<long>(0xFE534D42) /* SMB2 */,
                                0x517B /* SMB */,
                                0x0BD00BD0 /* Lustre */,
                                0x47504653 /* GPFS */,
                                0x19830326 /* BeeGFS */,
                                0x00C36400 /* Ceph */,
                                0x65735546 /* FUSE (sshfs and kin) */};
  return std::find(std::begin(shared), std::end(shared), static_cast<long>(about.f_type)) != std::end(shared);
}

std::string utc_now() {
  return format_moment({.epoch_seconds = std::time(nullptr), .offset_minutes = 0});
}

/// What makes a grading the same as another: the hand-in, the course and the
/// grader it was graded with, what came of it, and when it was handed in
/// for which due time ("" for none): a roster's time or an extension added
/// later is recorded even when the score stays.
using GradingKey =
    std::tuple<std::string, std::string, std::string, std::string, std::optional<double>, std::string, std::string>;

struct LatestGrading {
  std::int64_t id = 0;
  GradingKey key;
};

/// The latest recorded grading of `student` for `assignment`, if any.
std::optional<LatestGrading> latest(SQLite::Database& db, const std::string& student, const std::string& assignment) {
  SQLite::Statement query(db,
                          "SELECT id, submission_hash, course_hash, grader_version, status, score, "
                          "COALESCE(handed_in, ''), COALESCE(due, '') FROM gradings "
                          "WHERE student = ? AND assignment = ? ORDER BY id DESC LIMIT 1");
  query.bind(1, student);
  query.bind(2, assignment);
  if (!query.executeStep()) return std::nullopt;
  std::optional<double> score;
  if (!query.getColumn(5).isNull()) score = query.getColumn(5).getDouble();
  return LatestGrading{
      query.getColumn(0).getInt64(),
      {query.getColumn(1).getString(), query.getColumn(2).getString(), query.getColumn(3).getString(),
       query.getColumn(4).getString(), score, query.getColumn(6).getString(), query.getColumn(7).getString()}};
}

/// BEGIN IMMEDIATE … COMMIT, rolled back unless committed. Immediate: a
/// writer takes the write lock first (waiting for another batch as long as
/// the busy timeout), so two writers never deadlock on a read turned write.
/// (SQLiteCpp's own Transaction takes the behaviour only from version 3.2,
/// newer than some distributions ship.)
class ImmediateTransaction {
 public:
  explicit ImmediateTransaction(SQLite::Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~ImmediateTransaction() {
    if (!committed_) {
      try {
        db_.exec("ROLLBACK");
      } catch (...) {  // a failed rollback leaves SQLite to roll back on closing
      }
    }
  }
  ImmediateTransaction(const ImmediateTransaction&) = delete;
  ImmediateTransaction& operator=(const ImmediateTransaction&) = delete;
  void commit() {
    db_.exec("COMMIT");
    committed_ = true;
  }

 private:
  SQLite::Database& db_;
  bool committed_ = false;
};

/// Sets the journal mode, waiting out another process that opens the same
/// file at the same moment: changing the mode takes the file's lock, and
/// SQLite answers "database is locked" at once instead of using the busy
/// timeout (two batches started together on a new gradebook do this).
void set_journal_mode(SQLite::Database& db, const std::string& mode) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = " + mode);
      return;
    } catch (const SQLite::Exception& e) {
      const bool busy = e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
      if (!busy || std::chrono::steady_clock::now() > deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
}

void bind_optional(SQLite::Statement& statement, int index, bool present, double value) {
  if (present)
    statement.bind(index, value);
  else
    statement.bind(index);  // NULL: no score where the grader could not finish
}

void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& text) {
  if (text.empty())
    statement.bind(index);
  else
    statement.bind(index, text);
}

}  // namespace

const std::vector<std::string>& gradebook_migrations() {
  static const std::vector<std::string> migrations = {
      // 0 → 1: runs, gradings, and each grading's exercises and tests.
      R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  root TEXT NOT NULL,
  output TEXT NOT NULL,
  course_hash TEXT NOT NULL,
  grader_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE gradings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  student TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL,
  message TEXT NOT NULL,
  submission_hash TEXT NOT NULL,
  course_hash TEXT NOT NULL,
  grader_version TEXT NOT NULL,
  graded_at TEXT NOT NULL,
  score REAL,
  max_score REAL NOT NULL
);
CREATE INDEX gradings_by_student ON gradings(student, id);
CREATE TABLE exercise_outcomes (
  grading_id INTEGER NOT NULL REFERENCES gradings(id),
  exercise TEXT NOT NULL,
  status TEXT NOT NULL,
  score REAL,
  max_score REAL NOT NULL,
  PRIMARY KEY (grading_id, exercise)
);
CREATE TABLE test_outcomes (
  grading_id INTEGER NOT NULL REFERENCES gradings(id),
  exercise TEXT NOT NULL,
  test TEXT NOT NULL,
  status TEXT NOT NULL,
  score REAL,
  max_score REAL NOT NULL,
  misconception TEXT NOT NULL,
  PRIMARY KEY (grading_id, exercise, test)
);
)sql",
      // 1 → 2: the assignment of term.yaml a run graded (empty: the whole course).
      R"sql(
ALTER TABLE runs ADD COLUMN assignment TEXT NOT NULL DEFAULT '';
ALTER TABLE gradings ADD COLUMN assignment TEXT NOT NULL DEFAULT '';
)sql",
      // 2 → 3: when each grading's hand-in was handed in, from which source,
      // and what the assignment's late policy made of it. NULL where there
      // was no assignment or no hand-in time; score stays the gradebook's
      // (after the penalty).
      R"sql(
ALTER TABLE gradings ADD COLUMN handed_in TEXT;
ALTER TABLE gradings ADD COLUMN handed_in_from TEXT;
ALTER TABLE gradings ADD COLUMN due TEXT;
ALTER TABLE gradings ADD COLUMN minutes_late INTEGER;
ALTER TABLE gradings ADD COLUMN penalty REAL;
ALTER TABLE gradings ADD COLUMN score_before_penalty REAL;
)sql",
      // 3 → 4: why a run graded again (mathlings regrade --reason), and each
      // grading beside the one it follows.
      R"sql(
ALTER TABLE runs ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE gradings ADD COLUMN previous_grading_id INTEGER REFERENCES gradings(id);
ALTER TABLE gradings ADD COLUMN previous_score REAL;
)sql",
  };
  return migrations;
}

GradebookDatabase::GradebookDatabase(const fs::path& file)
    : GradebookDatabase(file, static_cast<int>(gradebook_migrations().size())) {}

GradebookDatabase::GradebookDatabase(const fs::path& file, int version) : file_(file) {
  try {
    if (file.has_parent_path()) fs::create_directories(file.parent_path());
    db_ = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                             busy_timeout_ms);
    // WAL lets two batches record at once; it needs shared memory between
    // processes, which a network file system cannot give (SQLite's own
    // warning): there, the rollback journal.
    set_journal_mode(*db_, on_network_file_system(file) ? "DELETE" : "WAL");
    db_->exec("PRAGMA foreign_keys = ON");
    migrate(version);
  } catch (const SQLite::Exception& e) {
    throw GraderError("the gradebook " + file.string() + " cannot be used: " + e.what());
  } catch (const GraderError& e) {
    throw GraderError("the gradebook " + file.string() + ": " + e.what());
  }
}

GradebookDatabase::~GradebookDatabase() = default;

int GradebookDatabase::schema_version() const {
  return db_->execAndGet("PRAGMA user_version").getInt();
}

void GradebookDatabase::migrate(int to_version) {
  const int known = static_cast<int>(gradebook_migrations().size());
  for (;;) {
    // Each step whole or not at all, the version read again inside it:
    // another process migrating at once is waited for, and its work kept.
    ImmediateTransaction step(*db_);
    const int version = schema_version();
    if (version > known) {
      throw GraderError("its schema is version " + std::to_string(version) +
                        ", written by a newer mathlings; this one knows up to " + std::to_string(known) +
                        ": use the newer mathlings (nothing was changed)");
    }
    if (version >= to_version) return;
    db_->exec(gradebook_migrations()[static_cast<std::size_t>(version)]);
    db_->exec("PRAGMA user_version = " + std::to_string(version + 1));
    step.commit();
  }
}

std::int64_t GradebookDatabase::begin_run(const RunInfo& run) {
  try {
    SQLite::Statement insert(*db_,
                             "INSERT INTO runs (command, root, output, course_hash, grader_version, started_at, "
                             "assignment, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run.command);
    insert.bind(2, run.root.string());
    insert.bind(3, run.output.string());
    insert.bind(4, run.course_hash);
    insert.bind(5, std::string(config::version));
    insert.bind(6, utc_now());
    insert.bind(7, run.assignment);
    insert.bind(8, run.reason);
    insert.exec();
    return db_->getLastInsertRowid();
  } catch (const SQLite::Exception& e) {
    throw GraderError("the gradebook " + file_.string() + " could not record the run's start: " + e.what());
  }
}

int GradebookDatabase::finish_run(std::int64_t run, const Course& course, const std::vector<StudentRow>& rows) {
  try {
    ImmediateTransaction transaction(*db_);
    SQLite::Statement of_run(*db_, "SELECT course_hash, assignment FROM runs WHERE id = ?");
    of_run.bind(1, static_cast<std::int64_t>(run));
    if (!of_run.executeStep())
      throw GraderError("the gradebook " + file_.string() + " has no run " + std::to_string(run) + " begun");
    const std::string course_hash = of_run.getColumn(0).getString(), assignment = of_run.getColumn(1).getString();
    const std::string now = utc_now();
    const double course_max = course_max_score(course);
    SQLite::Statement grading(*db_,
                              "INSERT INTO gradings (run_id, student, name, email, status, message, submission_hash, "
                              "course_hash, grader_version, graded_at, score, max_score, assignment, handed_in, "
                              "handed_in_from, due, minutes_late, penalty, score_before_penalty, previous_grading_id, "
                              "previous_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement exercise(*db_,
                               "INSERT INTO exercise_outcomes (grading_id, exercise, status, score, max_score) "
                               "VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement test(*db_,
                           "INSERT INTO test_outcomes (grading_id, exercise, test, status, score, max_score, "
                           "misconception) VALUES (?, ?, ?, ?, ?, ?, ?)");
    int recorded = 0;
    for (const auto& row : rows) {
      // Not graded (the machine too busy, a shard missing) is never a grade, nor remembered.
      if (row.status == "not_graded") continue;
      const std::optional<double> score = gradebook_score(row);
      // In the due time's offset, as the gradebook shows it: one instant, read alike beside the due time.
      const std::string handed_in = !row.handed_in ? ""
                                    : row.late     ? written_as_due(row.handed_in->at, row.late->due)
                                                   : format_moment(row.handed_in->at);
      const std::string due = row.late ? format_moment(row.late->due) : "";
      const std::optional<LatestGrading> previous = latest(*db_, row.student, assignment);
      if (previous && previous->key == GradingKey{row.submission_hash, course_hash, std::string(config::version),
                                                  row.status, score, handed_in, due})
        continue;
      grading.bind(1, static_cast<std::int64_t>(run));
      grading.bind(2, row.student);
      grading.bind(3, row.name);
      grading.bind(4, row.email);
      grading.bind(5, row.status);
      grading.bind(6, row.message);
      grading.bind(7, row.submission_hash);
      grading.bind(8, course_hash);
      grading.bind(9, std::string(config::version));
      grading.bind(10, now);
      bind_optional(grading, 11, score.has_value(), score.value_or(0));
      grading.bind(12, course_max);
      grading.bind(13, assignment);
      bind_text_or_null(grading, 14, handed_in);
      bind_text_or_null(grading, 15, row.handed_in ? row.handed_in->source : "");
      bind_text_or_null(grading, 16, due);
      bind_optional(grading, 17, row.late.has_value(), row.late ? double(row.late->minutes_late) : 0);
      bind_optional(grading, 18, row.late.has_value(), row.late ? row.late->penalty : 0);
      const std::optional<double> before = score_before_penalty(row);
      bind_optional(grading, 19, row.late && before, before.value_or(0));
      if (previous)
        grading.bind(20, previous->id);
      else
        grading.bind(20);
      const std::optional<double> previous_score = previous ? std::get<4>(previous->key) : std::nullopt;
      bind_optional(grading, 21, previous_score.has_value(), previous_score.value_or(0));
      grading.exec();
      grading.reset();
      const std::int64_t id = db_->getLastInsertRowid();
      for (const auto& e : row.result.exercises) {
        exercise.bind(1, id);
        exercise.bind(2, e.id);
        exercise.bind(3, std::string(to_string(e.status)));
        bind_optional(exercise, 4, e.status != ExerciseStatus::not_graded, e.score);
        exercise.bind(5, e.max_score);
        exercise.exec();
        exercise.reset();
        for (const auto& t : e.tests) {
          test.bind(1, id);
          test.bind(2, e.id);
          test.bind(3, t.name);
          test.bind(4, std::string(to_string(t.status)));
          bind_optional(test, 5, t.status != TestStatus::not_graded, t.score);
          test.bind(6, t.max_score);
          test.bind(7, t.misconception);
          test.exec();
          test.reset();
        }
      }
      ++recorded;
    }
    SQLite::Statement finished(*db_, "UPDATE runs SET finished_at = ? WHERE id = ?");
    finished.bind(1, now);
    finished.bind(2, static_cast<std::int64_t>(run));
    finished.exec();
    transaction.commit();
    return recorded;
  } catch (const SQLite::Exception& e) {
    throw GraderError("the gradebook " + file_.string() + " could not record the run (nothing of it was): " + e.what());
  }
}

std::vector<RecordedGrading> GradebookDatabase::history(const std::string& student) const {
  SQLite::Statement query(*db_,
                          "SELECT g.run_id, g.student, g.status, g.message, g.submission_hash, g.course_hash, "
                          "g.grader_version, g.graded_at, g.score, g.max_score, g.assignment, g.handed_in, "
                          "g.handed_in_from, g.minutes_late, g.penalty, g.score_before_penalty, "
                          "g.previous_grading_id, g.previous_score, r.command, r.reason "
                          "FROM gradings g JOIN runs r ON r.id = g.run_id WHERE g.student = ? ORDER BY g.id");
  query.bind(1, student);
  const auto real = [&](int column) {
    return query.getColumn(column).isNull() ? std::nullopt : std::optional(query.getColumn(column).getDouble());
  };
  const auto integer = [&](int column) {
    return query.getColumn(column).isNull() ? std::nullopt : std::optional(query.getColumn(column).getInt64());
  };
  std::vector<RecordedGrading> gradings;
  while (query.executeStep()) {
    RecordedGrading g;
    g.run = query.getColumn(0).getInt64();
    g.student = query.getColumn(1).getString();
    g.status = query.getColumn(2).getString();
    g.message = query.getColumn(3).getString();
    g.submission_hash = query.getColumn(4).getString();
    g.course_hash = query.getColumn(5).getString();
    g.grader_version = query.getColumn(6).getString();
    g.graded_at = query.getColumn(7).getString();
    g.score = real(8);
    g.max_score = query.getColumn(9).getDouble();
    g.assignment = query.getColumn(10).getString();
    g.handed_in = query.getColumn(11).getString();  // "" for NULL
    g.handed_in_from = query.getColumn(12).getString();
    g.minutes_late = integer(13);
    g.penalty = real(14);
    g.score_before_penalty = real(15);
    g.previous_grading = integer(16);
    g.previous_score = real(17);
    g.command = query.getColumn(18).getString();
    g.reason = query.getColumn(19).getString();
    gradings.push_back(std::move(g));
  }
  return gradings;
}

std::vector<CurrentGrade> GradebookDatabase::current_grades() const {
  SQLite::Statement query(
      *db_,
      "SELECT student, name, email, assignment, status, score, max_score, id FROM gradings WHERE id IN "
      "(SELECT MAX(id) FROM gradings GROUP BY student, assignment) ORDER BY student, assignment");
  std::vector<CurrentGrade> grades;
  while (query.executeStep()) {
    CurrentGrade grade{.id = query.getColumn(7).getInt64(),
                       .student = query.getColumn(0).getString(),
                       .name = query.getColumn(1).getString(),
                       .email = query.getColumn(2).getString(),
                       .assignment = query.getColumn(3).getString(),
                       .status = query.getColumn(4).getString(),
                       .score = std::nullopt,
                       .max_score = query.getColumn(6).getDouble()};
    if (!query.getColumn(5).isNull()) grade.score = query.getColumn(5).getDouble();
    grades.push_back(std::move(grade));
  }
  return grades;
}

std::vector<StudentRow> GradebookDatabase::current_results(const std::string& assignment) const {
  SQLite::Statement gradings(*db_,
                             "SELECT id, student, status FROM gradings WHERE id IN (SELECT MAX(id) FROM gradings "
                             "WHERE assignment = ? GROUP BY student) ORDER BY student");
  gradings.bind(1, assignment);
  SQLite::Statement exercises(*db_,
                              "SELECT exercise, status, score, max_score FROM exercise_outcomes WHERE grading_id = ? "
                              "ORDER BY rowid");
  SQLite::Statement tests(*db_,
                          "SELECT test, status, score, max_score, misconception FROM test_outcomes "
                          "WHERE grading_id = ? AND exercise = ? ORDER BY rowid");
  std::vector<StudentRow> rows;
  while (gradings.executeStep()) {
    StudentRow row;
    row.student = gradings.getColumn(1).getString();
    row.status = gradings.getColumn(2).getString();
    const std::int64_t id = gradings.getColumn(0).getInt64();
    exercises.bind(1, id);
    while (exercises.executeStep()) {
      ExerciseResult e;
      e.id = exercises.getColumn(0).getString();
      e.status = exercise_status_named(exercises.getColumn(1).getString());
      e.score = exercises.getColumn(2).isNull() ? 0 : exercises.getColumn(2).getDouble();
      e.max_score = exercises.getColumn(3).getDouble();
      tests.bind(1, id);
      tests.bind(2, e.id);
      while (tests.executeStep()) {
        e.tests.push_back({.name = tests.getColumn(0).getString(),
                           .status = test_status_named(tests.getColumn(1).getString()),
                           .score = tests.getColumn(2).isNull() ? 0 : tests.getColumn(2).getDouble(),
                           .max_score = tests.getColumn(3).getDouble(),
                           .message = "",
                           .hidden = false,
                           .misconception = tests.getColumn(4).getString()});
      }
      tests.reset();
      row.result.exercises.push_back(std::move(e));
    }
    exercises.reset();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> GradebookDatabase::assignments() const {
  SQLite::Statement query(*db_, "SELECT assignment FROM gradings GROUP BY assignment ORDER BY MIN(id)");
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

std::vector<std::string> GradebookDatabase::students() const {
  SQLite::Statement query(*db_, "SELECT DISTINCT student FROM gradings ORDER BY student");
  std::vector<std::string> names;
  while (query.executeStep()) names.push_back(query.getColumn(0).getString());
  return names;
}

std::pair<int, int> GradebookDatabase::runs() const {
  return {db_->execAndGet("SELECT COUNT(*) FROM runs").getInt(),
          db_->execAndGet("SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL").getInt()};
}

}  // namespace mathlings
