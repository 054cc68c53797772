// Writers of a SubmissionResult, one function per format. Each writes the
// whole result and nothing else; progress and diagnostics go elsewhere.
#pragma once

#include <ostream>
#include <string>

#include "course.hpp"
#include "result.hpp"

namespace mathlings {

struct TextStyle {
  bool colour = false;
  bool verbose_passes = false;  ///< list passed tests too
};

void write_text(std::ostream& out, const Course& course, const SubmissionResult& result, const TextStyle& style);
void write_json(std::ostream& out, const SubmissionResult& result);

/// JSON string literal with the escapes RFC 8259 requires.
std::string json_string(const std::string& s);

}  // namespace mathlings
