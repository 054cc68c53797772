// `mathlings sync`: the stubs generated from the solutions, compared and
// rewritten — never losing what was there.
#include "authoring/sync.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/errors.hpp"
#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;
using Sync = testing::CourseCopy;

TEST_F(Sync, TheExampleCoursesStubsAreUpToDate) {
  const auto states = stub_states(*course);
  ASSERT_EQ(states.size(), 2u);
  for (const auto& s : states) {
    EXPECT_TRUE(s.up_to_date) << s.exercise->id;
    EXPECT_EQ(s.stub_file, course->exercises_dir() / s.exercise->relative_file());
    EXPECT_EQ(s.generated, read_file(s.stub_file));
  }
  std::ostringstream out;
  EXPECT_EQ(write_stubs(*course, out), 0);
  EXPECT_EQ(out.str(), "");
}

TEST_F(Sync, RewritesAnEditedStubAndKeepsTheOldOne) {
  const fs::path stub = course->exercises_dir() / "01-vector-norms" / "norms.cpp";
  const std::string generated = read_file(stub);
  write_file_atomically(stub, "// edited by hand\n");
  EXPECT_FALSE(stub_states(*course)[0].up_to_date);
  EXPECT_TRUE(stub_states(*course)[1].up_to_date);
  std::ostringstream out;
  EXPECT_EQ(write_stubs(*course, out), 1);
  EXPECT_EQ(read_file(stub), generated);
  const fs::path backup = work.path() / ".mathlings" / "sync-backup" / "01-vector-norms" / "norms.cpp";
  EXPECT_EQ(read_file(backup), "// edited by hand\n");
  EXPECT_EQ(out.str(),
            "  updated  exercises/01-vector-norms/norms.cpp (the old one is in "
            ".mathlings/sync-backup/01-vector-norms/norms.cpp)\n");
}

TEST_F(Sync, CreatesAMissingStub) {
  const fs::path stub = course->exercises_dir() / "01-vector-norms" / "normalize.cpp";
  const std::string generated = read_file(stub);
  fs::remove(stub);
  std::ostringstream out;
  EXPECT_EQ(write_stubs(*course, out), 1);
  EXPECT_EQ(read_file(stub), generated);
  EXPECT_EQ(out.str(), "  created  exercises/01-vector-norms/normalize.cpp\n");
  EXPECT_FALSE(fs::exists(work.path() / ".mathlings" / "sync-backup"));  // nothing to keep
}

TEST_F(Sync, TheStubFollowsTheSolution) {
  const fs::path solution = course->solutions_dir() / "01-vector-norms" / "norms.cpp";
  std::string text = read_file(solution);
  const std::string todo = "// > // TODO: add up the absolute values.";
  ASSERT_NE(text.find(todo), std::string::npos);
  text.replace(text.find(todo), todo.size(), "// > // TODO: sum |x_i| over i.");
  write_file_atomically(solution, text);
  const StubState state = stub_states(*course)[0];
  EXPECT_FALSE(state.up_to_date);
  EXPECT_NE(state.generated.find("  // TODO: sum |x_i| over i.\n"), std::string::npos) << state.generated;
  EXPECT_EQ(state.generated.find("BEGIN SOLUTION"), std::string::npos);
}

TEST_F(Sync, UnbalancedMarkersAreTheCoursesFaultAndNameTheSolution) {
  const fs::path solution = course->solutions_dir() / "01-vector-norms" / "normalize.cpp";
  std::string text = read_file(solution);
  const auto end = text.find("// END SOLUTION");
  ASSERT_NE(end, std::string::npos);
  text.erase(end, std::string("// END SOLUTION").size());
  write_file_atomically(solution, text);
  try {
    stub_states(*course);
    FAIL() << "a region without its end was accepted";
  } catch (const CourseError& e) {
    EXPECT_NE(std::string(e.what()).find("solutions/01-vector-norms/normalize.cpp"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mathlings
