#include "model/course.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "base/yaml_reader.hpp"
#include "model/include_policy.hpp"
#include "model/lesson_document.hpp"

namespace mathlings {

std::vector<const Exercise*> Course::exercises() const {
  std::vector<const Exercise*> all;
  for (const auto& lesson : lessons)
    for (const auto& exercise : lesson.exercises) all.push_back(&exercise);
  return all;
}

namespace {

/// "lessons/01-…/README.md, § Pivoting … (or: mathlings lesson ID)".
std::string where_taught(const Course& course, const std::filesystem::path& document, const std::string& text,
                         const Exercise& exercise) {
  std::error_code ec;
  std::string pointer = std::filesystem::relative(document, course.root, ec).string();
  const std::string sections = section_list(exercise_sections(text, exercise.name));
  if (!sections.empty()) pointer += ", " + sections;
  return pointer + " (or: mathlings lesson " + exercise.id + ")";
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// "a, b or c" (with `last` "or").
std::string joined(const std::vector<std::string>& items, const std::string& last) {
  std::string text;
  for (std::size_t k = 0; k < items.size(); ++k)
    text += (k == 0 ? "" : k + 1 == items.size() ? " " + last + " " : ", ") + items[k];
  return text;
}

}  // namespace

std::vector<std::string> Course::nearest_ids(const std::string& typed) const {
  const auto slash = typed.rfind('/');
  const std::string typed_name = slash == std::string::npos ? typed : typed.substr(slash + 1);
  // Near enough to be a slip of the keyboard: two edits, more in a long id.
  std::size_t best = std::max<std::size_t>(2, typed.size() / 8) + 1;
  std::vector<std::string> nearest;
  for (const auto* exercise : exercises()) {
    std::size_t d = edit_distance(typed, exercise->id);
    if (slash == std::string::npos) d = std::min(d, edit_distance(typed, exercise->name));
    if (exercise->name == typed_name) d = 0;  // the right name in a misremembered lesson
    if (d < best) nearest.clear();
    if (d <= best) {
      best = d;
      nearest.push_back(exercise->id);
    }
  }
  return nearest;
}

const Exercise& Course::find(const std::string& id) const {
  for (const auto* exercise : exercises())
    if (exercise->id == id) return *exercise;
  // A bare name ("elimination") will do where it is unambiguous.
  std::vector<const Exercise*> named;
  for (const auto* exercise : exercises())
    if (id.find('/') == std::string::npos && exercise->name == id) named.push_back(exercise);
  if (named.size() == 1) return *named.front();
  const std::string no_exercise = "no exercise '" + id + "' in this course; ";
  if (named.size() > 1) {
    std::vector<std::string> ids;
    for (const auto* exercise : named) ids.push_back(exercise->id);
    throw UsageError("'" + id + "' is the name of " + std::to_string(ids.size()) + " exercises: give the whole id, " +
                     joined(ids, "or"));
  }
  const auto nearest = nearest_ids(id);
  if (!nearest.empty()) throw UsageError(no_exercise + "did you mean " + joined(nearest, "or") + "?");
  const std::string lesson_id = id.substr(0, id.find('/'));
  for (const auto& lesson : lessons) {
    if (lesson.id != lesson_id) continue;
    std::vector<std::string> names;
    for (const auto& exercise : lesson.exercises) names.push_back(exercise.name);
    throw UsageError(no_exercise + lesson.id + " has " + joined(names, "and"));
  }
  throw UsageError(no_exercise + "`mathlings list` shows every exercise");
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
    yaml.expect_keys(node, field,
                     {"id", "title", "header", "allowed_includes", "precompile", "prebuild", "codec", "exercises"});
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
    if (node["prebuild"]) {
      lesson.prebuild_header = yaml.string(node["prebuild"], field + ".prebuild");
      if (!std::filesystem::is_regular_file(course->root / lesson.prebuild_header)) {
        yaml.fail(node["prebuild"], field + ".prebuild", "no file " + lesson.prebuild_header);
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
  for (auto& lesson : course->lessons) {
    std::error_code ec;
    const std::filesystem::path document = course->lesson_document(lesson);
    const std::string text = std::filesystem::is_regular_file(document, ec) ? read_file(document) : "";
    for (auto& exercise : lesson.exercises) {
      exercise.lesson = &lesson;
      if (!text.empty()) exercise.taught_at = where_taught(*course, document, text, exercise);
    }
  }
  return course;
}

}  // namespace mathlings
