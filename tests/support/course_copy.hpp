// A scratch copy of the example course (tests/example-course), for tests
// that change a course's files: a stub edited, a file deleted, a spec
// rewritten. Each test gets its own copy, removed after it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "base/files.hpp"
#include "model/course.hpp"

namespace mathlings::testing {

inline std::filesystem::path example_course_dir() {
  return std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course";
}

/// Copies the parts of the example course a course is made of into `to`
/// (which must exist).
inline void copy_example_course(const std::filesystem::path& to) {
  namespace fs = std::filesystem;
  for (const char* part : {"course.yaml", ".clang-format", "include", "lessons", "exercises", "solutions", "specs"})
    fs::copy(example_course_dir() / part, to / part, fs::copy_options::recursive);
}

/// The fixture: `course` is loaded from `work`, a fresh copy.
class CourseCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_example_course(work.path());
    course = load_course(work.path());
  }
  /// Loads the copy again, after a test changed course.yaml or a spec.
  void reload() { course = load_course(work.path()); }

  TemporaryDirectory work{std::filesystem::temp_directory_path(), "mathlings-course-copy-"};
  std::unique_ptr<Course> course;
};

}  // namespace mathlings::testing
