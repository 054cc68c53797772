// The term's gradebook: every grading of every student, kept in one SQLite
// file (`batch --gradebook FILE.db`, by default DIR/gradebook.db), so that a
// term's batches, late hand-ins and regrades add up to a history instead of
// folders that know nothing of each other.
//
// Theory of operation. A run (one batch or merge) is a row of `runs`, written
// when it starts; its gradings are written together with its end, in one
// transaction, so a run killed midway leaves its start and nothing half
// recorded (its students' results are safe in DIR/results/, and the run
// again records them). A grading is a student's outcome for a submission
// (its hash) under a course (its hash): one equal to the student's latest
// recorded grading for the same assignment is not recorded again, so resuming adds nothing and a
// regrade adds a row beside the old one — nothing is ever overwritten.
//
// The file is written in WAL mode with a generous busy timeout: two batches
// may record into one file at once. Only one process of a cluster run opens
// it — the merge — never the array tasks: SQLite's locks are not safe on the
// network file systems clusters share.
//
// Its schema is versioned (PRAGMA user_version) and migrated forward on
// opening, each step in a transaction; a file from a newer mathlings is
// refused, never downgraded. Each migration is tested from every earlier
// version (gradebook_database_test.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "classroom/gradebook.hpp"

namespace SQLite {
class Database;
}

namespace mathlings {

/// The SQL that takes the schema from version k to k + 1, for each k from 0.
const std::vector<std::string>& gradebook_migrations();

struct RunInfo {
  std::string command;  ///< "batch" or "merge"
  std::filesystem::path root, output;
  std::string course_hash;
  std::string assignment;  ///< of term.yaml; empty: the whole course
  std::string reason;      ///< a regrade's: why ("the determinant spec fixed"); empty for a batch or merge
};

/// A grading as recorded.
struct RecordedGrading {
  std::int64_t run = 0;
  std::string student, assignment, status, message, submission_hash, course_hash, grader_version, graded_at;
  std::string command, reason;  ///< of the run that recorded it
  std::optional<double> score;
  double max_score = 0;
  std::string handed_in, handed_in_from;  ///< "" when not known
  std::optional<std::int64_t> minutes_late;
  std::optional<double> penalty, score_before_penalty;  ///< with an assignment's late policy
  /// The grading it follows for the same student and assignment, if any: its
  /// id and score (side by side with this one's, as a regrade shows them).
  std::optional<std::int64_t> previous_grading;
  std::optional<double> previous_score;
};

/// A student's current grade for an assignment: their latest grading of it.
struct CurrentGrade {
  std::int64_t id = 0;  ///< the grading's: a later grading has a larger one
  std::string student, name, email, assignment, status;
  std::optional<double> score;  ///< none where the grader could not finish
  double max_score = 0;
};

class GradebookDatabase {
 public:
  /// Opens `file` (created if absent) and brings its schema up to date.
  /// Throws GraderError naming the file when it cannot be used.
  explicit GradebookDatabase(const std::filesystem::path& file);
  /// Opens `file` as it is, migrated only up to `version` (for the tests of migrations).
  GradebookDatabase(const std::filesystem::path& file, int version);
  ~GradebookDatabase();
  GradebookDatabase(const GradebookDatabase&) = delete;
  GradebookDatabase& operator=(const GradebookDatabase&) = delete;

  int schema_version() const;
  const std::filesystem::path& file() const { return file_; }

  /// Records that a run began; its id.
  std::int64_t begin_run(const RunInfo& run);
  /// Records the run's gradings and its end, in one transaction; how many
  /// gradings were new. A row equal to the student's latest for the same
  /// assignment (the same hand-in, course, grader version, status and score)
  /// is not recorded again; a not_graded row never is. Scores are the
  /// gradebook's (gradebook_score), out of the course's points.
  int finish_run(std::int64_t run, const Course& course, const std::vector<StudentRow>& rows);

  /// Every student with a recorded grading, in name order.
  std::vector<std::string> students() const;
  /// Each student's latest grading of each assignment, by student and assignment.
  std::vector<CurrentGrade> current_grades() const;
  /// Each student's latest grading of `assignment` as a row: status and
  /// score, with every exercise's and test's outcome (names and messages
  /// are not kept: scores and statuses only), in student order.
  std::vector<StudentRow> current_results(const std::string& assignment) const;
  /// The assignments with a grading, in the order first graded.
  std::vector<std::string> assignments() const;
  /// Every recorded grading of `student`, oldest first.
  std::vector<RecordedGrading> history(const std::string& student) const;
  /// How many runs began and how many of them finished.
  std::pair<int, int> runs() const;

 private:
  void migrate(int to_version);
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace mathlings
