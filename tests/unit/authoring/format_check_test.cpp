// The authors' formatting check: solutions, stubs and headers as the
// course's .clang-format leaves them.
#include "authoring/format_check.hpp"

#include <gtest/gtest.h>

#include "support/course_copy.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class FormattingCheck : public testing::CourseCopy {
 protected:
  void SetUp() override {
    if (!fs::exists("/usr/bin/clang-format")) GTEST_SKIP() << "clang-format is not installed (the check skips itself)";
    CourseCopy::SetUp();
  }
};

TEST_F(FormattingCheck, TheExampleCourseIsClean) {
  const auto check = check_formatting(*course);
  EXPECT_EQ(check.skipped, "");
  EXPECT_EQ(check.unformatted, "");
}

TEST_F(FormattingCheck, NamesAnUnformattedFileOnceForAllItsComplaints) {
  const fs::path file = work.path() / "solutions" / "01-vector-norms" / "norms.cpp";
  write_file_atomically(file, read_file(file) + "int   badly ;  int  spaced;\n");  // several complaints
  const auto check = check_formatting(*course);
  EXPECT_EQ(check.skipped, "");
  EXPECT_EQ(check.unformatted, "run clang-format -i on:\n        solutions/01-vector-norms/norms.cpp");
}

TEST_F(FormattingCheck, NamesEveryUnformattedFile) {
  for (const char* dir : {"solutions", "exercises"}) {
    const fs::path file = work.path() / dir / "01-vector-norms" / "norms.cpp";
    write_file_atomically(file, read_file(file) + "int   badly ;\n");
  }
  EXPECT_EQ(check_formatting(*course).unformatted,
            "run clang-format -i on:\n        exercises/01-vector-norms/norms.cpp\n        "
            "solutions/01-vector-norms/norms.cpp");
}

TEST_F(FormattingCheck, OnlyCppSourcesAndHeadersAreChecked) {
  write_file_atomically(work.path() / "exercises" / "01-vector-norms" / "notes.txt", "int   not ;  code;\n");
  EXPECT_EQ(check_formatting(*course).unformatted, "");
}

TEST_F(FormattingCheck, ACourseWithoutAStyleIsSkippedAndSaysWhy) {
  fs::remove(work.path() / ".clang-format");
  const auto check = check_formatting(*course);
  EXPECT_EQ(check.skipped, "the course has no .clang-format");
  EXPECT_EQ(check.unformatted, "");
}

}  // namespace
}  // namespace mathlings
