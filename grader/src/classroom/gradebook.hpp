// A class's results: one row per student, whatever happened to their
// submission, and the files instructors and students read — gradebook.csv,
// gradebook.json, feedback/<student>.md and its page, feedback/<student>.html.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/course.hpp"
#include "model/result.hpp"

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
};

/// What a class's rows make the exit status of batch and merge: 0 every
/// student graded; 1 some hand-ins could not be used (unreadable, missing, a
/// grader error: their rows say why); 2 some could not be graded for the
/// machine or a missing shard (not_graded: run again).
int class_exit_status(const std::vector<StudentRow>& rows);

/// What the course's exercises are out of, together.
double course_max_score(const Course& course);
/// A row's score as the gradebook gives it: none where the grader could not
/// finish (not_graded, grader_error), 0 for a hand-in that could not be used
/// or is missing, else the result's.
std::optional<double> gradebook_score(const StudentRow& row);

/// One row per student: who, the total, and per exercise its score and its
/// status (so that a stub never touched and a wrong answer, both 0, differ).
void write_gradebook_csv(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows);
void write_gradebook_json(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows);
/// What a student reads, in Markdown: per exercise the score, each failed
/// test's message and a hint. Whatever the student chose (a name, a file
/// name, a program's output) is text or code there, never a link or markup.
void write_feedback(std::ostream& out, const Course& course, const StudentRow& row);

/// Writes gradebook.csv, gradebook.json, feedback/ (each student's Markdown
/// and its HTML page) and report.html for all rows into `dir`.
void write_class_outputs(const std::filesystem::path& dir, const Course& course, const std::vector<StudentRow>& rows);

}  // namespace mathlings
