#include "classroom/course_fingerprint.hpp"

#include <set>

#include "base/config.hpp"
#include "base/files.hpp"
#include "base/hash.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

/// An exercise's own files: its spec and its reference solution.
std::vector<fs::path> own_files(const Course& course, const Exercise& exercise) {
  return {course.specs_dir() / (exercise.id + ".yaml"), course.solutions_dir() / exercise.relative_file()};
}

/// Whether `file` is some exercise's own (specs/<lesson>/<name>.yaml,
/// solutions/<lesson>/<name>.cpp) — of the whole course, whatever part of
/// it `course` is: another assignment's spec fixed changes nothing here.
bool is_exercise_own(const Course& course, const fs::path& file) {
  for (const auto& [dir, extension] :
       {std::pair{course.specs_dir(), ".yaml"}, std::pair{course.solutions_dir(), ".cpp"}}) {
    const fs::path relative = file.lexically_relative(dir);
    if (std::distance(relative.begin(), relative.end()) == 2 && relative.extension() == extension &&
        *relative.begin() != "..")
      return true;
  }
  return false;
}

/// What every exercise's grade depends on: the grader's version, course.yaml,
/// the headers, a student pack's expected outcomes, the lessons' prebuilt
/// and codec headers wherever course.yaml puts them, and every file of the
/// specs and solutions that is no exercise's own (misconceptions, shared
/// code).
std::string shared_fingerprint(const Course& course) {
  Hasher hasher;
  hasher.field(config::version).field(read_file(course.root / "course.yaml"));
  std::set<fs::path> files;
  for (const auto& dir : {course.include_dir(), course.specs_dir(), course.solutions_dir(), course.expected_dir()})
    for (const auto& f : files_under(dir))
      if (!is_exercise_own(course, f)) files.insert(f);
  for (const auto& lesson : course.lessons)
    for (const auto* header : {&lesson.prebuild_header, &lesson.codec_header})
      if (!header->empty()) files.insert(course.root / *header);
  for (const auto& f : files)
    hasher.field(fs::relative(f, course.root).string()).field(fs::exists(f) ? read_file(f) : std::string("\x01none"));
  return hasher.hex();
}

}  // namespace

std::map<std::string, std::string> exercise_fingerprints(const Course& course) {
  const std::string common = shared_fingerprint(course);
  std::map<std::string, std::string> fingerprints;
  for (const auto* e : course.exercises()) {
    Hasher hasher;
    hasher.field(common).field(e->id);
    for (const auto& f : own_files(course, *e)) hasher.field(fs::exists(f) ? read_file(f) : std::string("\x01none"));
    fingerprints[e->id] = hasher.hex();
  }
  return fingerprints;
}

std::string course_fingerprint(const Course& course) {
  Hasher hasher;
  for (const auto& [id, fingerprint] : exercise_fingerprints(course)) hasher.field(id).field(fingerprint);
  return hasher.hex();
}

}  // namespace mathlings
