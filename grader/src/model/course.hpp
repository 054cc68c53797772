// The course: its manifest (course.yaml) and everything it points to.
//
// course.yaml is the one list of lessons and exercises, in order; every
// command reads it. Paths follow one convention from the ids:
//   include/<header>                        the lesson header learners include
//   lessons/<lesson>/README.md              the literate lesson
//   exercises/<lesson>/<exercise>.cpp       the stub
//   solutions/<lesson>/<exercise>.cpp       the reference solution
//   specs/<lesson>/<exercise>.yaml          functions, hints and tests
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/spec.hpp"

namespace mathlings {

/// The largest learner source file read: an exercise's is a few KiB, and a
/// file of gigabytes must cost neither the grader's memory nor its time.
inline constexpr std::size_t max_source_bytes = 1 << 20;

struct Lesson;

struct Exercise {
  std::string id;    ///< "01-linear-algebra/elimination"
  std::string name;  ///< "elimination"
  const Lesson* lesson = nullptr;
  ExerciseSpec spec;
  /// Where the lesson explains it, for feedback: "lessons/01-…/README.md,
  /// § Pivoting (or: mathlings lesson ID)"; empty when the lesson has no document.
  std::string taught_at;
  std::filesystem::path relative_file() const { return id + ".cpp"; }
};

struct Lesson {
  std::string id;
  std::string title;
  std::string header;                         ///< "mathlings/linear_algebra.hpp"
  std::vector<std::string> allowed_includes;  ///< besides the standard library and the header
  std::vector<std::string> precompile;        ///< headers put into the precompiled header
  std::string codec_header;                   ///< optional: Codec<> specialisations for the harness
  /// Optional, course-relative: code that uses what the lesson's files
  /// usually instantiate (decompositions, products, distributions), compiled
  /// once into the lesson's prebuilt object so that a learner's file only
  /// calls it (exec/toolchain.hpp). It returns and writes nothing a caller
  /// could read: learners' files see it.
  std::string prebuild_header;
  std::vector<Exercise> exercises;
};

struct Course {
  std::filesystem::path root;
  std::string title;
  std::vector<Lesson> lessons;

  std::filesystem::path include_dir() const { return root / "include"; }
  std::filesystem::path exercises_dir() const { return root / "exercises"; }
  std::filesystem::path solutions_dir() const { return root / "solutions"; }
  /// A student pack (`mathlings export student`) has no solutions/; the
  /// expected outcomes of its visible tests are shipped in expected/ instead.
  std::filesystem::path expected_dir() const { return root / "expected"; }
  bool is_student_pack() const {
    return !std::filesystem::exists(solutions_dir()) && std::filesystem::exists(expected_dir());
  }
  std::filesystem::path specs_dir() const { return root / "specs"; }
  std::filesystem::path lesson_document(const Lesson& l) const { return root / "lessons" / l.id / "README.md"; }

  std::vector<const Exercise*> exercises() const;
  /// The exercise with this id, or this name if only one exercise has it; a
  /// UsageError suggesting the nearest ids otherwise.
  const Exercise& find(const std::string& id) const;
  /// The ids (ties all) within a few edits of a mistyped one; none if none is that near.
  std::vector<std::string> nearest_ids(const std::string& typed) const;
};

/// Loads course.yaml and every spec it names; CourseError on any problem.
/// Exercises point into the returned object: keep it where it is.
std::unique_ptr<Course> load_course(const std::filesystem::path& root);

}  // namespace mathlings
