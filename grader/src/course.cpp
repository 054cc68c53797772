#include "course.hpp"

#include <memory>
#include <set>

#include <algorithm>

#include "errors.hpp"
#include "include_policy.hpp"
#include "yaml_reader.hpp"

namespace mathlings {

std::vector<const Exercise*> Course::exercises() const {
  std::vector<const Exercise*> all;
  for (const auto& lesson : lessons)
    for (const auto& exercise : lesson.exercises) all.push_back(&exercise);
  return all;
}

const Exercise& Course::find(const std::string& id) const {
  for (const auto* exercise : exercises())
    if (exercise->id == id) return *exercise;
  std::string valid;
  for (const auto* exercise : exercises()) valid += "\n  " + exercise->id;
  throw UsageError("no exercise '" + id + "' in this course; the exercises are:" + valid);
}

namespace {

bool is_safe_name(const std::string& name) {
  return !name.empty() && name.front() != '.' &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
}

}  // namespace

std::unique_ptr<Course> load_course(const std::filesystem::path& root) {
  if (!std::filesystem::is_directory(root)) throw CourseError("course directory not found: " + root.string());
  const YamlReader yaml(root / "course.yaml");
  yaml.expect_keys(yaml.root(), "course", {"title", "lessons"});
  auto course = std::make_unique<Course>();
  course->root = std::filesystem::canonical(root);
  // (course->is_student_pack() needs the root: it is known from here on.)
  course->title = yaml.string(yaml.require(yaml.root(), "course", "title"), "title");
  const auto lessons = yaml.require(yaml.root(), "course", "lessons");
  if (!lessons.IsSequence()) yaml.fail(lessons, "lessons", "expected a list of lessons (or [] to start)");
  std::set<std::string> ids;
  course->lessons.reserve(lessons.size());  // exercises keep pointers to their lesson
  for (std::size_t k = 0; k < lessons.size(); ++k) {
    const auto node = lessons[k];
    const std::string field = "lessons[" + std::to_string(k) + "]";
    yaml.expect_keys(node, field, {"id", "title", "header", "allowed_includes", "precompile", "codec", "exercises"});
    Lesson& lesson = course->lessons.emplace_back();
    lesson.id = yaml.string(yaml.require(node, field, "id"), field + ".id");
    if (!is_safe_name(lesson.id)) yaml.fail(node["id"], field + ".id", "use lower-case letters, digits, '-' and '_'");
    lesson.title = yaml.string(yaml.require(node, field, "title"), field + ".title");
    lesson.header = yaml.string(yaml.require(node, field, "header"), field + ".header");
    if (!std::filesystem::is_regular_file(course->include_dir() / lesson.header)) {
      yaml.fail(node["header"], field + ".header", "no file include/" + lesson.header);
    }
    if (node["allowed_includes"])
      lesson.allowed_includes = yaml.strings(node["allowed_includes"], field + ".allowed_includes");
    if (node["precompile"]) lesson.precompile = yaml.strings(node["precompile"], field + ".precompile");
    for (const auto& h : lesson.precompile) {
      // What is precompiled is visible to learner files without an #include,
      // so it must be something they could include anyway.
      if (!lesson_allows(lesson, h)) {
        yaml.fail(node["precompile"], field + ".precompile",
                  "<" + h + "> is neither standard nor in allowed_includes, so learners may not use it");
      }
    }
    if (node["codec"]) {
      lesson.codec_header = yaml.string(node["codec"], field + ".codec");
      if (!std::filesystem::is_regular_file(course->root / lesson.codec_header)) {
        yaml.fail(node["codec"], field + ".codec", "no file " + lesson.codec_header);
      }
    }
    const auto names = yaml.strings(yaml.require(node, field, "exercises"), field + ".exercises");
    for (const auto& name : names) {
      if (!is_safe_name(name))
        yaml.fail(node["exercises"], field + ".exercises",
                  "'" + name + "': use lower-case letters, digits, '-' and '_'");
      Exercise exercise;
      exercise.name = name;
      exercise.id = lesson.id + "/" + name;
      if (!ids.insert(exercise.id).second)
        yaml.fail(node["exercises"], field + ".exercises", "duplicate exercise " + name);
      exercise.spec = load_spec(course->specs_dir() / lesson.id / (name + ".yaml"));
      // The stub may be missing: `mathlings sync` generates it from the solution.
      if (!course->is_student_pack() &&
          !std::filesystem::is_regular_file(course->solutions_dir() / exercise.relative_file())) {
        yaml.fail(node["exercises"], field + ".exercises", "no file solutions/" + exercise.relative_file().string());
      }
      for (const auto& m : exercise.spec.misconceptions) {
        if (!course->is_student_pack() && !std::filesystem::is_regular_file(m.file)) {
          throw CourseError(exercise.spec.file.string() + ":" + std::to_string(m.line) + ": misconception '" + m.name +
                            "': its code is missing; write the wrong variant as " + m.file.string());
        }
      }
      lesson.exercises.push_back(std::move(exercise));
    }
  }
  for (auto& lesson : course->lessons)
    for (auto& exercise : lesson.exercises) exercise.lesson = &lesson;
  return course;
}

}  // namespace mathlings
