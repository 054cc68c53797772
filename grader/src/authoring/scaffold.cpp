#include "authoring/scaffold.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "model/course.hpp"
#include "model/single_source.hpp"

namespace mathlings {
namespace {

bool is_identifier(const std::string& name) {
  return !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
}

/// "02-vector-norms" → "vector_norms"
std::string snake_name(const std::string& lesson_id) {
  std::string name = lesson_id.substr(lesson_id.find_first_not_of("0123456789-"));
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

/// "02-vector-norms" → "Vector norms"
std::string title_of(const std::string& lesson_id) {
  std::string title = snake_name(lesson_id);
  for (char& c : title)
    if (c == '_') c = ' ';
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

void create_new_file(const fs::path& path, const std::string& content, const fs::path& root, std::ostream& out) {
  if (fs::exists(path)) throw UsageError(path.string() + " exists already; nothing was changed");
  write_file_atomically(path, content);
  out << "  created  " << fs::relative(path, root).string() << "\n";
}

void check_creatable(const fs::path& path) {
  if (fs::exists(path)) throw UsageError(path.string() + " exists already; nothing was changed");
}

}  // namespace

std::string add_to_manifest(const std::string& text, const std::string& lesson_id, const std::string& name) {
  const YAML::Node root = YAML::Load(text);
  for (const auto& lesson : root["lessons"]) {
    if (lesson["id"].as<std::string>() != lesson_id) continue;
    const YAML::Node list = lesson["exercises"];
    if (list.Style() == YAML::EmitterStyle::Flow) {
      const std::size_t close = text.find(']', static_cast<std::size_t>(list.Mark().pos));
      if (close == std::string::npos) break;
      return text.substr(0, close) + (list.size() == 0 ? "" : ", ") + name + text.substr(close);
    }
    // A block list: a new item line after the last one, indented alike.
    const YAML::Node last = list[list.size() - 1];
    const std::size_t line_end = text.find('\n', static_cast<std::size_t>(last.Mark().pos));
    const std::size_t line_start = text.rfind('\n', static_cast<std::size_t>(last.Mark().pos)) + 1;
    const std::string item_prefix = text.substr(line_start, static_cast<std::size_t>(last.Mark().pos) - line_start);
    const std::size_t at = line_end == std::string::npos ? text.size() : line_end + 1;
    return text.substr(0, at) + (line_end == std::string::npos ? "\n" : "") + item_prefix + name + "\n" +
           text.substr(at);
  }
  throw UsageError("no lesson '" + lesson_id + "' in course.yaml");
}

void scaffold_lesson(const fs::path& course_root, const std::string& lesson_id, std::ostream& out) {
  const auto course = load_course(course_root);
  if (lesson_id.empty() || lesson_id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos ||
      !std::isdigit(static_cast<unsigned char>(lesson_id[0])) ||
      lesson_id.find_first_not_of("0123456789-") == std::string::npos) {
    throw UsageError("a lesson id is a number and lower-case words joined by '-', like 05-eigenvectors");
  }
  for (const auto& lesson : course->lessons)
    if (lesson.id == lesson_id) throw UsageError("the course has a lesson " + lesson_id + " already");
  const std::string snake = snake_name(lesson_id);
  const std::string header = "mathlings/" + snake + ".hpp";
  const fs::path header_file = course->include_dir() / header;
  const fs::path document = course->root / "lessons" / lesson_id / "README.md";
  check_creatable(header_file);
  check_creatable(document);
  const std::string manifest = read_file(course->root / "course.yaml");

  create_new_file(header_file, "// Lesson " + lesson_id + " — " + title_of(lesson_id) + R"(. Declares every function
// the lesson's exercises ask for; each exercise file defines some of them.
#pragma once

#include <Eigen/Core>
#include <stdexcept>
#include <vector>

#ifndef MATHLINGS_NOT_IMPLEMENTED_DEFINED
#define MATHLINGS_NOT_IMPLEMENTED_DEFINED
namespace mathlings {
/// What an untouched stub throws. Replace the `throw` with your code.
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings
#endif

namespace mathlings {

}  // namespace mathlings
)",
                  course->root, out);
  create_new_file(document,
                  "# " + lesson_id + " — " + title_of(lesson_id) + R"(

TODO: the lesson. Explain the idea in your own words, work an example by hand,
then show it in code. Every block fenced as `cpp example` is compiled, linked
with the lesson's reference solutions and run by `mathlings verify`; an
`output` block right after it must match what it prints.

```cpp example
#include <iostream>
#include <)" + header +
                      R"(>

int main() { std::cout << "hello from )" +
                      lesson_id + R"(\n"; }
```

```output
hello from )" + lesson_id +
                      R"(
```

## Exercises
)",
                  course->root, out);
  std::string text = manifest;
  if (const auto empty = text.find("lessons: []"); empty != std::string::npos) text.replace(empty, 11, "lessons:");
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += "  - id: " + lesson_id + "\n    title: " + title_of(lesson_id) + "\n    header: " + header +
          "\n    allowed_includes: [Eigen/Core]\n    precompile: [Eigen/Core, cmath, stdexcept, vector]\n"
          "    exercises: []\n";
  write_file_atomically(course->root / "course.yaml", text);
  try {
    load_course(course_root);
  } catch (const GraderError&) {
    write_file_atomically(course->root / "course.yaml", manifest);
    fs::remove(header_file);
    fs::remove_all(document.parent_path());
    throw UsageError("could not add the lesson to course.yaml (is `lessons:` its last key?); nothing was changed");
  }
  out << "  updated  course.yaml\nNext: mathlings new exercise " << lesson_id << "/NAME\n";
}

void scaffold_exercise(const fs::path& course_root, const std::string& exercise_id, std::ostream& out) {
  const auto course = load_course(course_root);
  const auto slash = exercise_id.find('/');
  if (slash == std::string::npos)
    throw UsageError("an exercise id is LESSON/NAME, like 05-eigenvectors/power_iteration");
  const std::string lesson_id = exercise_id.substr(0, slash), name = exercise_id.substr(slash + 1);
  const Lesson* lesson = nullptr;
  for (const auto& l : course->lessons)
    if (l.id == lesson_id) lesson = &l;
  if (lesson == nullptr)
    throw UsageError("no lesson '" + lesson_id + "'; create it with: mathlings new lesson " + lesson_id);
  if (!is_identifier(name)) {
    throw UsageError("an exercise name is also its first function's name: lower-case letters, digits and '_'");
  }
  for (const auto& e : lesson->exercises)
    if (e.name == name) throw UsageError("the lesson has an exercise " + name + " already");
  const fs::path header_file = course->include_dir() / lesson->header;
  std::string header = read_file(header_file);
  if (header.find(" " + name + "(") != std::string::npos) {
    throw UsageError(lesson->header + " declares a function " + name + " already: choose another name");
  }
  const std::string closing = "}  // namespace mathlings";
  const std::size_t at = header.rfind(closing);
  if (at == std::string::npos) throw UsageError(lesson->header + " has no closing '" + closing + "' to add to");
  const fs::path solution = course->solutions_dir() / (exercise_id + ".cpp");
  const fs::path spec = course->specs_dir() / (exercise_id + ".yaml");
  const fs::path stub = course->exercises_dir() / (exercise_id + ".cpp");
  check_creatable(solution);
  check_creatable(spec);
  check_creatable(stub);

  const std::string solution_text = "// " + exercise_id + " — see lessons/" + lesson_id + R"(/README.md.
#include <)" + lesson->header + R"(>

namespace mathlings {

double )" + name + R"((double x) {
  // BEGIN SOLUTION
  // > // TODO: a placeholder exercise: replace it with your own.
  // > (void)x;
  // > throw not_implemented();
  return 2 * x;  // the placeholder's reference answer
  // END SOLUTION
}

}  // namespace mathlings
)";
  header.insert(at, "/// " + name + ": TODO: what it computes, its errors. (A placeholder: twice x.)\ndouble " + name +
                        "(double x);\n\n");
  create_new_file(solution, solution_text, course->root, out);
  create_new_file(spec, "# " + exercise_id + R"(: the functions, hints and tests (docs/spec-format.md).
functions: [)" + name + R"(]
hints:
  - "TODO: a first nudge."
  - "TODO: nearly the answer."
tests:
  - name: a placeholder example
    points: 1
    cases:
      - [1.5]
)",
                  course->root, out);
  create_new_file(stub, generate_stub(solution_text, solution.string()), course->root, out);
  write_file_atomically(header_file, header);
  out << "  updated  include/" << lesson->header << "\n";
  const fs::path manifest = course->root / "course.yaml";
  write_file_atomically(manifest, add_to_manifest(read_file(manifest), lesson_id, name));
  out << "  updated  course.yaml\n";
  const fs::path document = course->lesson_document(*lesson);
  if (fs::exists(document)) {
    std::string text = read_file(document);
    if (!text.empty() && text.back() != '\n') text += '\n';
    write_file_atomically(
        document, text + "- **" + name + "** — TODO: what the learner writes, and the section that teaches it.\n");
    out << "  updated  " << fs::relative(document, course->root).string() << "\n";
  }
  load_course(course_root);  // what was written must load
  out << "Next: write the header entry, the solution, the spec and the lesson; then `mathlings sync` and `mathlings "
         "verify`.\n";
}

}  // namespace mathlings
