// A class's results: one row per student, whatever happened to their
// submission, and the files instructors and students read — gradebook.csv,
// gradebook.json, feedback/<student>.md and its page, feedback/<student>.html.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "classroom/hand_in_time.hpp"
#include "classroom/late_policy.hpp"
#include "classroom/similarity.hpp"
#include "model/course.hpp"
#include "model/result.hpp"
#include "model/term.hpp"

namespace mathlings {

struct StudentRow {
  std::string student;
  std::string name;   ///< from the roster, when it has one
  std::string email;  ///< likewise
  /// "graded", or why not: "unreadable" (the archive or folder could not be
  /// used), "grader_error" (a fault of mathlings, not of the student),
  /// "missing" (on the roster, but nothing in ROOT).
  std::string status = "graded";
  std::string message;
  std::string submission_hash;
  SubmissionResult result;  ///< when graded
  /// When it was handed in and how that is known: looked up only for an
  /// assignment of term.yaml (without a due time nothing can be late).
  std::optional<HandIn> handed_in;
  std::string no_hand_in_time;  ///< with an assignment and no handed_in: why ("it holds no file to date it by")
  /// Under the assignment's late policy, once handed_in is known.
  std::optional<Lateness> late;
  /// What the result was graded from, so that a run after the course
  /// changed grades again only what the change touched: the hand-in's files
  /// alone (course_fingerprint.hpp has the course's part), the grader's
  /// version, and each graded exercise's fingerprint.
  std::string files_hash, grader_version;
  std::map<std::string, std::string> exercise_fingerprints;
};

/// Judges each graded row's hand-in time by `assignment`'s late policy
/// (rows with no hand-in time are not late: their feedback says why none
/// was found; a hand-in that could not be used or graded scores nothing to
/// take a penalty from).
void apply_late_policy(std::vector<StudentRow>& rows, const Assignment& assignment);

/// What a class's rows make the exit status of batch and merge: 0 every
/// student graded; 1 some hand-ins could not be used (unreadable, missing, a
/// grader error: their rows say why); 2 some could not be graded for the
/// machine or a missing shard (not_graded: run again).
int class_exit_status(const std::vector<StudentRow>& rows);

/// What the course's exercises are out of, together.
double course_max_score(const Course& course);
/// A row's score as graded, before any late penalty: none where the grader
/// could not finish (not_graded, grader_error), 0 for a hand-in that could
/// not be used or is missing, else the result's.
std::optional<double> score_before_penalty(const StudentRow& row);
/// A row's score as the gradebook gives it: score_before_penalty less the
/// late penalty's fraction of it (rounded to a millionth of a point).
std::optional<double> gradebook_score(const StudentRow& row);

/// One row per student: who, the total, and per exercise its score and its
/// status (so that a stub never touched and a wrong answer, both 0, differ).
/// For an assignment (not null), also when each handed in, from which
/// source, how late and the penalty.
void write_gradebook_csv(std::ostream& out, const Course& course, const Assignment* assignment,
                         const std::vector<StudentRow>& rows);
void write_gradebook_json(std::ostream& out, const Course& course, const Assignment* assignment,
                          const std::vector<StudentRow>& rows);
/// What a student reads, in Markdown: per exercise the score, each failed
/// test's message and a hint; for an assignment, when they handed in and
/// whether it was late. Whatever the student chose (a name, a file name, a
/// program's output) is text or code there, never a link or markup.
void write_feedback(std::ostream& out, const Course& course, const Assignment* assignment, const StudentRow& row);

/// Writes gradebook.csv, gradebook.json, feedback/ (each student's Markdown
/// and its HTML page) and report.html (with `similarity`) for all rows into `dir`.
void write_class_outputs(const std::filesystem::path& dir, const Course& course, const Assignment* assignment,
                         const std::vector<StudentRow>& rows, const SimilarityReport& similarity);

}  // namespace mathlings
