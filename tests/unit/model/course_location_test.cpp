// Which course a command works on: --course, else the nearest course.yaml
// from the working directory upwards, else the built-in one (and a word).
#include "model/course_location.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class Folders : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(course() / "exercises" / "01-lesson");
    std::ofstream(course() / "course.yaml") << "title: t\nlessons: []\n";
    fs::create_directories(nowhere());
  }
  // Under /tmp: no course.yaml above, unlike the build folder.
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-location-test-"};
  fs::path course() const { return work.path() / "copy"; }
  fs::path nowhere() const { return work.path() / "elsewhere"; }
  const fs::path built_in = "/the/built/course";
  std::ostringstream err;
};

TEST_F(Folders, TheCourseIsFoundFromItsFolderAndFromAnyFolderBelow) {
  EXPECT_EQ(find_course_above(course()), fs::canonical(course()));
  EXPECT_EQ(find_course_above(course() / "exercises" / "01-lesson"), fs::canonical(course()));
  EXPECT_EQ(find_course_above(nowhere()), std::nullopt);
}

TEST_F(Folders, AFoundCourseIsUsedSilentlyWithItsOwnCache) {
  Options options;
  locate_course(options, course() / "exercises", built_in, err);
  EXPECT_EQ(options.course_dir, fs::canonical(course()));
  EXPECT_EQ(options.cache_dir, fs::canonical(course()) / ".mathlings" / "cache");
  EXPECT_EQ(err.str(), "");
}

TEST_F(Folders, WithNoCourseAboveTheBuiltInOneIsUsedAndNamed) {
  Options options;
  locate_course(options, nowhere(), built_in, err);
  EXPECT_EQ(options.course_dir, built_in);
  EXPECT_EQ(options.cache_dir, built_in / ".mathlings" / "cache");
  const std::string said = err.str();
  EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << said;
  EXPECT_NE(said.find("no course.yaml in " + nowhere().string()), std::string::npos) << said;
  EXPECT_NE(said.find("using the course mathlings was built from, /the/built/course"), std::string::npos) << said;
}

/// A repository handed in whole holds a course.yaml: graded from inside it,
/// its own specs and "solutions" would grade it. That course is refused.
TEST_F(Folders, ASubmissionNeverChoosesItsOwnCourse) {
  const auto invocation = [](const std::string& command, const std::string& work) {
    Options options;
    options.command = command;
    options.arguments = {work};
    return options;
  };
  Options grade_here = invocation("grade", ".");
  EXPECT_THROW(locate_course(grade_here, course(), built_in, err), UsageError);
  Options batch_above = invocation("batch", "..");
  EXPECT_THROW(locate_course(batch_above, course() / "exercises", built_in, err), UsageError);
  Options grade_elsewhere = invocation("grade", nowhere().string());
  locate_course(grade_elsewhere, course(), built_in, err);  // the course beside, not inside, the work: fine
  EXPECT_EQ(grade_elsewhere.course_dir, fs::canonical(course()));
}

TEST_F(Folders, TheOptionsWin) {
  Options options;
  options.course_dir = "/some/course";
  options.course_given = true;
  options.cache_dir = "/some/cache";
  options.cache_given = true;
  locate_course(options, course(), built_in, err);
  EXPECT_EQ(options.course_dir, "/some/course");
  EXPECT_EQ(options.cache_dir, "/some/cache");
  options.cache_dir.clear();
  options.cache_given = false;
  locate_course(options, nowhere(), built_in, err);
  EXPECT_EQ(options.cache_dir, fs::path("/some/course/.mathlings/cache"));
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace mathlings
