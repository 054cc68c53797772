// A class's results: one row per student, whatever happened to their
// submission, and the files instructors and students read — gradebook.csv,
// gradebook.json and feedback/<student>.md.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "course.hpp"
#include "result.hpp"

namespace mathlings {

struct StudentRow {
  std::string student;
  /// "graded", or why not: "unreadable" (the archive or folder could not be
  /// used), "grader_error" (a fault of mathlings, not of the student),
  /// "missing" (on the roster, but nothing in ROOT).
  std::string status = "graded";
  std::string message;
  std::string submission_hash;
  SubmissionResult result;  ///< when graded
};

void write_gradebook_csv(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows);
void write_gradebook_json(std::ostream& out, const Course& course, const std::vector<StudentRow>& rows);
/// What a student reads: per exercise the score, each failed test's message
/// and a hint.
void write_feedback(std::ostream& out, const Course& course, const StudentRow& row);

/// Writes gradebook.csv, gradebook.json, feedback/ and report.html for all
/// rows into `dir`.
void write_class_outputs(const std::filesystem::path& dir, const Course& course, const std::vector<StudentRow>& rows);

}  // namespace mathlings
