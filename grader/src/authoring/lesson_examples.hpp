// The worked examples of a lesson are programs: every block fenced as
// ```cpp example is compiled, linked with the lesson's reference solutions and
// run, and the ```output block right after it (if any) must match what it
// prints. So a lesson cannot drift from the code it teaches.
#pragma once

#include "model/lesson_document.hpp"

#include <string>
#include <vector>

#include "exec/toolchain.hpp"
#include "model/course.hpp"

namespace mathlings {

struct LessonExample {
  int line = 0;  ///< of the opening fence
  std::string code;
  bool has_expected_output = false;
  std::string expected_output;
};

std::vector<LessonExample> extract_examples(const std::string& markdown);

struct ExampleFailure {
  std::string where;  ///< "lessons/01-linear-algebra/README.md:42"
  std::string problem;
};

/// The lesson text's own promises: every exercise of the lesson is listed
/// (as **name**) under its "## Exercises" heading, and every link to a
/// section (#anchor) names a heading that exists.
std::vector<ExampleFailure> check_lesson_document(const Course& course, const Lesson& lesson);

/// Builds and runs every example of the lesson; returns what went wrong.
std::vector<ExampleFailure> check_lesson_examples(const Course& course, const Lesson& lesson, Toolchain& toolchain);

}  // namespace mathlings
