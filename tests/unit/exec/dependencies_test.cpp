#include "exec/dependencies.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

TEST(Dependencies, ParsesContinuationsAndEscapedSpaces) {
  const std::string text =
      "out.o: 01-linear-algebra/determinant.cpp /mathlings/pch/lesson.hpp.gch \\\n"
      " /usr/include/c++/12/cmath /tmp/with\\ space.hpp \\\n"
      " /usr/include/x$$y.h\n";
  EXPECT_EQ(parse_dependency_file(text),
            (std::vector<std::string>{"01-linear-algebra/determinant.cpp", "/mathlings/pch/lesson.hpp.gch",
                                      "/usr/include/c++/12/cmath", "/tmp/with space.hpp", "/usr/include/x$y.h"}));
}

TEST(Dependencies, EmptyFileHasNone) {
  EXPECT_TRUE(parse_dependency_file("").empty());
}

ReadPolicy learner_policy() {
  ReadPolicy policy;
  policy.working_directory = "/tmp";
  policy.files = {"/tmp/01-linear-algebra/determinant.cpp"};
  policy.folders = {"/usr/include", "/mathlings/include", "/mathlings/pch"};
  return policy;
}

TEST(Dependencies, TheFileItselfAndAllowedFoldersPass) {
  EXPECT_EQ(first_read_outside({"01-linear-algebra/determinant.cpp", "/usr/include/c++/12/cmath",
                                "/mathlings/include/mathlings/linear_algebra.hpp", "/mathlings/pch/lesson.hpp.gch"},
                               learner_policy()),
            std::nullopt);
}

TEST(Dependencies, AnythingElseIsNamedAfterNormalising) {
  EXPECT_EQ(first_read_outside({"/usr/include/cmath", "/usr/include/../share/dict/words"}, learner_policy()),
            "/usr/share/dict/words");
  EXPECT_EQ(first_read_outside({"../solutions/01-linear-algebra/determinant.cpp"}, learner_policy()),
            "/solutions/01-linear-algebra/determinant.cpp");
  EXPECT_EQ(first_read_outside({"/usr/includes-not/x.h"}, learner_policy()), "/usr/includes-not/x.h");
  EXPECT_EQ(first_read_outside({"/tmp/other.cpp"}, learner_policy()), "/tmp/other.cpp");
  EXPECT_EQ(first_read_outside({"/dev/zero"}, learner_policy()), "/dev/zero");
}

}  // namespace
}  // namespace mathlings
