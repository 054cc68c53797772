// Writers of a SubmissionResult, one function per format. Each writes the
// whole result and nothing else; progress and diagnostics go elsewhere.
#pragma once

#include <ostream>
#include <string>

#include "base/escaping.hpp"
#include "model/course.hpp"
#include "model/result.hpp"

namespace mathlings {

struct TextStyle {
  bool colour = false;
  bool verbose_passes = false;  ///< list passed tests too
  std::size_t width = 80;       ///< long lines are broken at spaces to fit
};

void write_text(std::ostream& out, const Course& course, const SubmissionResult& result, const TextStyle& style);
/// One exercise's lines of the text report.
void write_exercise_text(std::ostream& out, const Course& course, const ExerciseResult& exercise,
                         const TextStyle& style);
void write_json(std::ostream& out, const SubmissionResult& result);

void write_junit(std::ostream& out, const SubmissionResult& result);
void write_gradescope(std::ostream& out, const SubmissionResult& result);
void write_exercism(std::ostream& out, const SubmissionResult& result);

/// The result formats `grade --format` knows, and the writer of each.
bool is_known_format(const std::string& format);
void write_result(std::ostream& out, const std::string& format, const Course& course, const SubmissionResult& result,
                  const TextStyle& style);

/// A score as docs/result-format.md shows it: 10.0, 37.5.
std::string json_score(double d);

}  // namespace mathlings
