// When a lesson's files may be compiled as one unit: never when one file
// could see, or be changed by, what another declares.
#include "exec/shared_unit.hpp"

#include <gtest/gtest.h>

#include "base/files.hpp"
#include "model/course.hpp"
#include "support/prebuilt_includes.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> prebuilt_headers{"mathlings/linear_algebra.hpp", "Eigen/Dense", "cmath", "vector"};

std::optional<std::string> apart(const std::string& a, const std::string& b) {
  return why_compiled_apart({{"01/a.cpp", a}, {"01/b.cpp", b}}, prebuilt_headers);
}

const std::string plain_a =
    "#include <mathlings/linear_algebra.hpp>\n"
    "#include <cmath>\n"
    "// a helper: square(x)\n"
    "namespace {\n"
    "double square(double x) { return x * x; }\n"
    "}  // namespace\n"
    "namespace mathlings {\n"
    "double norm_a(const Eigen::VectorXd& v) {\n"
    "  double s = 0;\n"
    "  for (double x : v) s += square(x);\n"
    "  return std::sqrt(s);\n"
    "}\n"
    "}  // namespace mathlings\n";
const std::string plain_b =
    "#include <mathlings/linear_algebra.hpp>\n"
    "namespace mathlings {\n"
    "constexpr double kTolerance = 1e-12;\n"
    "static const double kHalf = 0.5;\n"
    "Eigen::VectorXd half_b(const Eigen::VectorXd& v) {\n"
    "  const char* text = \"square(x) */ // not code\";\n"
    "  (void)text;\n"
    "  return v * kHalf + Eigen::VectorXd::Constant(v.size(), kTolerance * 0);\n"
    "}\n"
    "}  // namespace mathlings\n";

TEST(SharedUnit, FilesThatDeclareNothingTheOtherNamesMayShareAUnit) {
  EXPECT_EQ(apart(plain_a, plain_b), std::nullopt);
}

TEST(SharedUnit, AFileNamingAHelperAnotherDeclaresIsCompiledApart) {
  // Alone, b does not compile (square is a's); together it would.
  const std::string b = "#include <mathlings/linear_algebra.hpp>\ndouble twice(double x) { return 2 * square(x); }\n";
  const auto why = apart(plain_a, b);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("01/a.cpp declares square"), std::string::npos) << *why;
}

TEST(SharedUnit, AFileCallingAnotherExercisesFunctionIsCompiledApart) {
  // Declared in the lesson's header, but defined in a's file only: alone,
  // b's runner would not link.
  const std::string b = "double twice(const Eigen::VectorXd& v) { return 2 * mathlings::norm_a(v); }\n";
  EXPECT_TRUE(apart(plain_a, b));
}

TEST(SharedUnit, HelpersOfTheSameNameAreCompiledApart) {
  // Together a redefinition, or an overload that changes which one is called.
  const std::string b = "static double square(int x) { return x * x; }\n";
  EXPECT_TRUE(apart(plain_a, b));
}

TEST(SharedUnit, AMacroIsCompiledApart) {
  const auto why = apart("#define N 3\nint a() { return N; }\n", "int b() { return 0; }\n");
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("line 1 has #define"), std::string::npos) << *why;
}

TEST(SharedUnit, AHeaderOnlyOneFileIncludesIsCompiledApart) {
  // Alone, b would not see std::map.
  const auto why = apart("#include <map>\nint a() { return 1; }\n",
                         "#include <vector>\nint b() { return std::map<int,int>{}.size(); }\n");
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("includes map"), std::string::npos) << *why;
}

TEST(SharedUnit, HeadersThePrecompiledHeaderHasAlreadyCountForNothing) {
  EXPECT_EQ(apart("#include <cmath>\n#include <vector>\nint a() { return 1; }\n", "int b() { return 2; }\n"),
            std::nullopt);
}

TEST(SharedUnit, DifferentUsingDirectivesAreCompiledApart) {
  EXPECT_TRUE(apart("using namespace std;\nint a() { return 1; }\n", "int b() { return 2; }\n"));
  EXPECT_EQ(apart("using namespace std;\nint a() { return 1; }\n", "using namespace std;\nint b() { return 2; }\n"),
            std::nullopt);
}

TEST(SharedUnit, CodeThatWouldRunAtStartUpInEveryRunnerIsCompiledApart) {
  const std::string b = "int b() { return 2; }\n";
  EXPECT_TRUE(apart("static const double table = std::sqrt(2.0);\nint a() { return 1; }\n", b));
  EXPECT_TRUE(apart("std::vector<double> cache;\nint a() { return 1; }\n", b));
  EXPECT_TRUE(apart("struct Init { Init() { throw 1; } } init;\nint a() { return 1; }\n", b));
  EXPECT_TRUE(apart("__attribute__((constructor)) void early() {}\nint a() { return 1; }\n", b));
  EXPECT_TRUE(apart("[[gnu::constructor]] void early() {}\nint a() { return 1; }\n", b));
  EXPECT_TRUE(apart("auto f = [] { return 1; }();\nint a() { return f; }\n", b));
  // A constant the compiler makes, or a plain number, runs nothing.
  EXPECT_EQ(apart("const double kA[] = {1.0, 2.0};\nconstexpr double kB = kA[0] * 2;\nint a() { return 1; }\n", b),
            std::nullopt);
}

TEST(SharedUnit, OperatorsAndPrototypesAtNamespaceScopeAreCompiledApart) {
  const std::string b = "int b() { return 2; }\n";
  EXPECT_TRUE(apart("Eigen::VectorXd operator*(Eigen::VectorXd v, int k) { return v; }\n", b));
  EXPECT_TRUE(apart("double helper(double);\nint a() { return helper(1); }\n", b));
}

TEST(SharedUnit, TypesAliasesAndEnumeratorsAreNamesToo) {
  const std::string a =
      "struct Stats { double mean; };\nusing Vec = Eigen::VectorXd;\nenum class Kind { Low, High };\n";
  EXPECT_TRUE(apart(a, "double b(Stats s) { return s.mean; }\n"));
  EXPECT_TRUE(apart(a, "int b() { Vec v; return 0; }\n"));
  EXPECT_TRUE(apart(a, "int b() { return High; }\n"));
  EXPECT_EQ(apart(a, "int b() { return 2; }\n"), std::nullopt);
}

TEST(SharedUnit, AFileEndingInsideACommentIsCompiledApart) {
  // It would swallow the files after it.
  EXPECT_TRUE(apart("int a() { return 1; }\n/* unfinished", "int b() { return 2; }\n"));
  EXPECT_TRUE(apart("int a() { return 1; }\n// ends with a backslash \\", "int b() { return 2; }\n"));
  EXPECT_TRUE(apart("int a() { return 1; }\n// ends with a backslash \\\n", "int b() { return 2; }\n"));
}

TEST(SharedUnit, NamesInCommentsAndLiteralsDoNotCount) {
  EXPECT_EQ(apart("int helper() { return 1; }\n", "// helper\nconst char* b() { return R\"(helper)\"; }\n"),
            std::nullopt);
}

TEST(SharedUnit, TheUnitNamesEachFileFromItsFirstLine) {
  const std::string unit = unit_source({{"01/a.cpp", "\xEF\xBB\xBFint a();"}, {"01/b.cpp", "int b();\n"}});
  EXPECT_EQ(unit, "#line 1 \"01/a.cpp\"\nint a();\n#line 1 \"01/b.cpp\"\nint b();\n");
}

TEST(SharedUnit, TheCoursesReferenceFilesOfEachLessonMayShareAUnit) {
  // Else the shared compile would never happen for answers like the
  // reference's, and nobody would notice.
  const fs::path root = fs::path(MATHLINGS_TEST_FIXTURES).parent_path().parent_path();
  const auto course = load_course(root);
  for (const auto& lesson : course->lessons) {
    std::vector<UnitFile> files;
    for (const auto* exercise : course->exercises())
      if (exercise->lesson == &lesson) {
        files.push_back(
            {exercise->relative_file().string(), read_file(course->solutions_dir() / exercise->relative_file())});
      }
    EXPECT_EQ(why_compiled_apart(files, testing_support::prebuilt_includes(*course, lesson)), std::nullopt)
        << lesson.id;
  }
}

}  // namespace
}  // namespace mathlings
