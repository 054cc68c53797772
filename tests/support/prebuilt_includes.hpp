// The headers a lesson's prebuilt header includes, as the toolchain writes
// it: the lesson's header, its precompile list, its prebuild header's own.
#pragma once

#include <string>
#include <vector>

#include "base/files.hpp"
#include "exec/shared_unit.hpp"
#include "model/course.hpp"

namespace mathlings::testing_support {

inline std::vector<std::string> prebuilt_includes(const Course& course, const Lesson& lesson) {
  std::string text = "#include <" + lesson.header + ">\n";
  for (const auto& header : lesson.precompile) text += "#include <" + header + ">\n";
  if (!lesson.prebuild_header.empty()) text += read_file(course.root / lesson.prebuild_header);
  return included_headers(text);
}

}  // namespace mathlings::testing_support
