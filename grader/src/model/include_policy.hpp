// The include policy of a lesson: learner files may include the standard
// library, the lesson header and the lesson's allowed headers, spelled as a
// literal <...> name. Anything else — a quoted path (which could reach the
// course's solutions or specs), a computed include, a forbidden module such as
// <Eigen/LU> — rejects the file before the compiler ever sees it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/course.hpp"

namespace mathlings {

struct IncludeViolation {
  int line = 0;
  std::string directive;  ///< as written, trimmed
  std::string reason;     ///< what is wrong and what to do instead
};

bool is_standard_header(std::string_view name);

/// Whether a learner file of `lesson` may include <name>: the standard
/// library, the lesson header, and its allowed_includes, where an entry ending
/// in "/*" allows every header below that folder.
bool lesson_allows(const Lesson& lesson, std::string_view name);

/// The first directive in `source` that the lesson does not allow.
std::optional<IncludeViolation> find_include_violation(std::string_view source, const Lesson& lesson);

}  // namespace mathlings
