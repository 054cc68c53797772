#include "model/include_policy.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

Lesson linear_algebra() {
  Lesson lesson;
  lesson.id = "01-linear-algebra";
  lesson.header = "mathlings/linear_algebra.hpp";
  lesson.allowed_includes = {"Eigen/Core"};
  return lesson;
}

std::optional<IncludeViolation> check(const std::string& source) {
  return find_include_violation(source, linear_algebra());
}

TEST(IncludePolicy, AllowsTheStandardLibraryTheHeaderAndTheAllowedList) {
  EXPECT_FALSE(check(
      "#include <vector>\n#include <cmath>\n  #  include <Eigen/Core>\n#include <mathlings/linear_algebra.hpp>\n"));
}

TEST(IncludePolicy, RejectsAForbiddenModuleWithLineAndReason) {
  const auto v = check("#include <vector>\n\n#include <Eigen/LU>\n");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->line, 3);
  EXPECT_EQ(v->directive, "#include <Eigen/LU>");
  EXPECT_NE(v->reason.find("by hand"), std::string::npos);
}

TEST(IncludePolicy, RejectsEveryOtherSpelling) {
  EXPECT_TRUE(check("#include \"../../solutions/01-linear-algebra/inverse.cpp\"\n"));
  EXPECT_TRUE(check("#define F <Eigen/LU>\n#include F\n"));
  EXPECT_TRUE(check("%:include <Eigen/LU>\n"));
  EXPECT_TRUE(check("#include_next <vector>\n"));
  EXPECT_TRUE(check("#inc\\\nlude <Eigen/QR>\n"));
  EXPECT_TRUE(check("/* a comment */ #include </etc/passwd>\n"));
  EXPECT_TRUE(check("#include <bits/stdc++.h>\n"));
}

TEST(IncludePolicy, AnEntryEndingInSlashStarAllowsAFolder) {
  Lesson lesson = linear_algebra();
  lesson.allowed_includes = {"boost/math/distributions/*"};
  EXPECT_TRUE(lesson_allows(lesson, "boost/math/distributions/students_t.hpp"));
  EXPECT_FALSE(lesson_allows(lesson, "boost/math/distributions/"));
  EXPECT_FALSE(lesson_allows(lesson, "boost/math/distributions/../../../etc/passwd"));
  EXPECT_FALSE(lesson_allows(lesson, "boost/math/special_functions/gamma.hpp"));
}

TEST(IncludePolicy, IgnoresIncludesInCommentsAndStrings) {
  EXPECT_FALSE(check("// #include <Eigen/LU>\n/*\n#include <Eigen/QR>\n*/\nconst char* s = \"#include <x>\";\n"));
}

}  // namespace
}  // namespace mathlings
