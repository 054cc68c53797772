#include "exec/toolchain.hpp"

#include <gtest/gtest.h>

#include "base/config.hpp"
#include "exec/sandbox.hpp"

namespace mathlings {
namespace {

// The compiler's own defences, below the textual include policy (which the
// grader applies first, and which these sources would not pass).
class CompilerDefences : public ::testing::Test {
 protected:
  BuildProduct compile(const std::string& source) {
    return toolchain.compile(*course, course->lessons.front(), source, "01-vector-norms/attack.cpp");
  }
  std::unique_ptr<Course> course =
      load_course(std::filesystem::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course");
  Toolchain toolchain{std::filesystem::path(config::default_cache_dir)};
};

TEST_F(CompilerDefences, ReadingOutsideTheAllowedFoldersIsACompileError) {
  const auto product = compile("#include \"/usr/lib/os-release\"\nint f();\n");
  EXPECT_FALSE(product.ok);
  EXPECT_NE(product.diagnostics.find("reads /usr/lib/os-release"), std::string::npos) << product.diagnostics;
}

TEST_F(CompilerDefences, DevZeroIsAnErrorNotAHang) {
  const auto product = compile("#include \"/dev/zero\"\n");
  EXPECT_FALSE(product.ok);
}

TEST_F(CompilerDefences, TheCourseDoesNotExistForTheCompiler) {
  if (!sandbox_available()) GTEST_SKIP() << "no sandbox here: " << isolation_problem();
  const std::string spec = (course->root / "course.yaml").string();
  const auto product = compile("#include \"" + spec + "\"\n");
  EXPECT_FALSE(product.ok);
  EXPECT_NE(product.diagnostics.find("No such file"), std::string::npos) << product.diagnostics;
  const auto incbin = compile("asm(\".incbin \\\"" + spec + "\\\"\");\n");
  EXPECT_FALSE(incbin.ok);
  EXPECT_NE(incbin.diagnostics.find("course.yaml"), std::string::npos) << incbin.diagnostics;
}

TEST_F(CompilerDefences, AnOrdinaryFileCompiles) {
  const auto product = compile("#include <cmath>\nnamespace mathlings { double twice(double x) { return 2 * x; } }\n");
  EXPECT_TRUE(product.ok) << product.diagnostics;
}

TEST(Toolchain, DiagnosticsAreTrimmedToTheLearnersFile) {
  const std::string output =
      "In file included from /usr/include/eigen3/Eigen/Core:19,\n"
      "                 from lesson.hpp:2:\n"
      "/usr/include/eigen3/Eigen/src/Core/Matrix.h:10:3: error: something deep inside\n"
      "   10 |   deep();\n"
      "01-linear-algebra/elimination.cpp: In function 'f':\n"
      "01-linear-algebra/elimination.cpp:7:3: error: expected ';'\n"
      "    7 |   return x;\n"
      "      |   ^~~~~~\n"
      "compilation terminated.\n";
  EXPECT_EQ(trim_diagnostics(output, "01-linear-algebra/elimination.cpp"),
            "01-linear-algebra/elimination.cpp: In function 'f':\n"
            "01-linear-algebra/elimination.cpp:7:3: error: expected ';'\n"
            "    7 |   return x;\n"
            "      |   ^~~~~~\n");
}

TEST(Toolchain, LinkErrorsBecomeSentences) {
  const std::string output =
      "/usr/bin/ld: bindings.o: in function `x':\nbindings.cpp:(.text+0x1): undefined reference to "
      "`mathlings::rank(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&)'\n"
      "/usr/bin/ld: again: undefined reference to `mathlings::rank(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&)'\n"
      "collect2: error: ld returned 1 exit status\n";
  EXPECT_EQ(explain_link_errors(output),
            "your file does not define mathlings::rank(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&) "
            "(is it inside namespace mathlings, with exactly the signature of the lesson header?)\n");
}

TEST(Toolchain, GoldsLinkErrorsBecomeTheSameSentences) {
  const std::string output =
      "/tmp/01-linear-algebra/row_echelon.cpp:7: error: undefined reference to "
      "'mathlings::rank(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&)'\n"
      "/tmp/b.cpp:3: error: multiple definition of 'mathlings::helper(double)'\n"
      "collect2: error: ld returned 1 exit status\n";
  EXPECT_EQ(explain_link_errors(output),
            "your file does not define mathlings::rank(Eigen::Matrix<double, -1, -1, 0, -1, -1> const&) "
            "(is it inside namespace mathlings, with exactly the signature of the lesson header?)\n"
            "mathlings::helper(double) is defined more than once\n");
}

}  // namespace
}  // namespace mathlings
