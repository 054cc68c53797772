// feedback/<student>.html, beside the Markdown a student reads: the same
// feedback as a page, so that the class report's link opens something a
// browser shows. Rendered by md4c with raw HTML off and no script allowed.
#pragma once

#include <string>

namespace mathlings {

/// A whole HTML page of one student's feedback Markdown (write_feedback's).
std::string feedback_page(const std::string& course_title, const std::string& student, const std::string& markdown);

}  // namespace mathlings
