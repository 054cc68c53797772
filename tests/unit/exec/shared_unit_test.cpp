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
  return why_compiled_apart({{"01/a.cpp", a, {"norm_a"}}, {"01/b.cpp", b, {"half_b"}}}, prebuilt_headers);
}

/// Compiled apart, for a reason that says `why`.
::testing::AssertionResult apart_because(const std::string& a, const std::string& b, const std::string& why) {
  const auto reason = apart(a, b);
  if (!reason) return ::testing::AssertionFailure() << "they may share a unit";
  if (reason->find(why) == std::string::npos) return ::testing::AssertionFailure() << "apart, but because: " << *reason;
  return ::testing::AssertionSuccess();
}

const std::string b_alone = "int b() { return 2; }\n";

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
  EXPECT_TRUE(apart_because(plain_a, "double twice(double x) { return 2 * square(x); }\n",
                            "01/a.cpp declares square at namespace scope, and 01/b.cpp names it too"));
  // Through a trailing return type too.
  EXPECT_TRUE(apart_because("struct Range { int n; };\n", "auto r() -> Range { return {1}; }\n", "declares Range"));
}

TEST(SharedUnit, AFileCallingAnotherExercisesFunctionIsCompiledApart) {
  // Declared in the lesson's header, but defined in a's file only: alone,
  // b's runner would not link.
  EXPECT_TRUE(apart_because(plain_a, "double twice(const Eigen::VectorXd& v) { return 2 * mathlings::norm_a(v); }\n",
                            "declares norm_a"));
}

TEST(SharedUnit, AFileDefiningAnotherExercisesFunctionIsCompiledApart) {
  // b's file lost its own function: alone it does not link; together a's
  // definition would answer b's tests.
  EXPECT_TRUE(apart_because("double half_b(const Eigen::VectorXd& v) { return 0; }\n", b_alone,
                            "01/a.cpp defines half_b, the function of 01/b.cpp"));
}

TEST(SharedUnit, HelpersOfTheSameNameAreCompiledApart) {
  // Together a redefinition, or an overload that changes which one is called.
  EXPECT_TRUE(apart_because(plain_a, "static double square(int x) { return x * x; }\n", "declares square"));
}

TEST(SharedUnit, AMacroIsCompiledApart) {
  EXPECT_TRUE(apart_because("#define N 3\nint a() { return N; }\n", b_alone, "line 1 has #define"));
  // Spelled as a digraph, after a byte-order mark, or as an operator.
  EXPECT_TRUE(apart_because("\xEF\xBB\xBF%:define double float\nint a();\n", b_alone, "line 1 has #define"));
  EXPECT_TRUE(apart_because("_Pragma(\"STDC FENV_ROUND FE_DOWNWARD\")\nint a();\n", b_alone, "uses _Pragma"));
}

TEST(SharedUnit, AHeaderOnlyOneFileIncludesIsCompiledApart) {
  // Alone, b would not see std::map.
  EXPECT_TRUE(apart_because("#include <map>\nint a() { return 1; }\n",
                            "#include <vector>\nint b() { return std::map<int, int>{}.size(); }\n", "includes map"));
  // Nor where b includes it only after using it.
  EXPECT_TRUE(apart_because("#include <map>\nint a() { return 1; }\n",
                            "int b() { return std::map<int, int>{}.size(); }\n#include <map>\n",
                            "includes <map> after code"));
}

TEST(SharedUnit, HeadersThePrecompiledHeaderHasAlreadyCountForNothing) {
  EXPECT_EQ(apart("#include <cmath>\n#include <vector>\nint a() { return 1; }\n", b_alone), std::nullopt);
}

TEST(SharedUnit, DifferentUsingDirectivesAreCompiledApart) {
  EXPECT_TRUE(apart_because("using namespace std;\nint a() { return 1; }\n", b_alone, "different using-directives"));
  EXPECT_EQ(apart("using namespace std;\nint a() { return 1; }\n", "using namespace std;\nint b() { return 2; }\n"),
            std::nullopt);
  // The same directive, naming a namespace only a declares.
  EXPECT_TRUE(apart_because("namespace helpers { int one() { return 1; } }\nusing namespace helpers;\n",
                            "using namespace helpers;\nint b() { return 2; }\n", "opens namespace helpers"));
}

TEST(SharedUnit, CodeThatWouldRunAtStartUpInEveryRunnerIsCompiledApart) {
  EXPECT_TRUE(apart_because("static const double table = std::sqrt(2.0);\n", b_alone, "by a call"));
  EXPECT_TRUE(apart_because("std::vector<double> cache;\n", b_alone, "class type"));
  EXPECT_TRUE(apart_because("struct Table { Table(); };\nauto cache = Table{};\n", b_alone, "class type"));
  EXPECT_TRUE(apart_because("int* big = new int[1 << 28];\n", b_alone, "by a call"));
  EXPECT_TRUE(apart_because("struct Init { Init() { throw 1; } } init;\n", b_alone, "a type it defines"));
  EXPECT_TRUE(apart_because("struct S { static inline int t = make(); };\n", b_alone, "static inline member"));
  EXPECT_TRUE(apart_because("__attribute__((constructor)) void early() {}\n", b_alone, "uses __attribute__"));
  EXPECT_TRUE(apart_because("[[gnu::constructor]] void early() {}\n", b_alone, "uses constructor"));
  EXPECT_TRUE(apart_because("auto f = [] { return 1; }();\n", b_alone, "by a call"));
  EXPECT_TRUE(apart_because("int x = []() constexpr { return 0; }() + 1;\n", b_alone, "by a call"));
  // A constant the compiler makes, or a plain number, runs nothing.
  EXPECT_EQ(
      apart("const double kA[] = {1.0, 2.0};\nconstexpr double kB = kA[0] * 2;\nint a() { return 1; }\n", b_alone),
      std::nullopt);
}

TEST(SharedUnit, WhatChangesTheLibraryForEveryFileIsCompiledApart) {
  EXPECT_TRUE(apart_because("struct P {};\nnamespace std { template <> struct hash<P> {}; }\n", b_alone,
                            "opens namespace std"));
  EXPECT_TRUE(apart_because("template <> struct std::less<double> {};\n", b_alone, "specialises"));
  EXPECT_TRUE(apart_because("template <class T> struct Box {};\ntemplate <class T> struct Box<T*> {};\n", b_alone,
                            "specialises a class template"));
  EXPECT_TRUE(apart_because("struct P {};\nvoid swap(P&, P&) {}\n", b_alone, "library may call"));
  EXPECT_TRUE(
      apart_because("Eigen::VectorXd operator*(Eigen::VectorXd v, int k) { return v; }\n", b_alone, "operator"));
  EXPECT_TRUE(apart_because("double helper(double);\nint a() { return helper(1); }\n", b_alone, "without its body"));
}

TEST(SharedUnit, TypesAliasesAndEnumeratorsAreNamesToo) {
  const std::string a =
      "struct alignas(16) Stats { double mean; };\nusing Vec = Eigen::VectorXd;\nenum class Kind { Low, High };\n";
  EXPECT_TRUE(apart_because(a, "double b(Stats s) { return s.mean; }\n", "declares Stats"));
  EXPECT_TRUE(apart_because(a, "int b() { Vec v; return 0; }\n", "declares Vec"));
  EXPECT_TRUE(apart_because(a, "int b() { return High; }\n", "declares High"));
  EXPECT_TRUE(apart_because("typedef double Real, Scalar;\n", b_alone, "typedef of several names"));
  EXPECT_TRUE(apart_because("static union { int i; double d; };\n", b_alone, "without a name"));
  EXPECT_EQ(apart(a, b_alone), std::nullopt);
}

TEST(SharedUnit, AFileThatCouldSwallowTheNextIsCompiledApart) {
  EXPECT_TRUE(apart_because("int a() { return 1; }\n/* unfinished", b_alone, "ends inside a comment"));
  EXPECT_TRUE(apart_because("int squ\\\nare() { return 1; }\n", b_alone, "joins lines of code"));
  EXPECT_TRUE(apart_because("int a() { return 1; }\nconst char* s = \"unfinished;\n", b_alone, "a literal"));
}

TEST(SharedUnit, NamesInCommentsAndLiteralsDoNotCount) {
  EXPECT_EQ(apart("int helper() { return 1; }\n",
                  "// helper \\\n still a comment\nconst char* b() { return R\"(helper)\"; }\n"),
            std::nullopt);
}

TEST(SharedUnit, TheUnitNamesEachFileFromItsFirstLine) {
  const std::string unit =
      unit_source({{"01/a.cpp", "\xEF\xBB\xBFint a(); // \\", {}}, {"01/b.cpp", "int b();\n", {}}});
  // A blank line before each #line: the backslash ending a.cpp joins that.
  EXPECT_EQ(unit, "\n#line 1 \"01/a.cpp\"\nint a(); // \\\n\n#line 1 \"01/b.cpp\"\nint b();\n");
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
        files.push_back({exercise->relative_file().string(),
                         read_file(course->solutions_dir() / exercise->relative_file()), exercise->spec.functions});
      }
    if (files.size() < 2) continue;  // a lesson of one exercise has nothing to share
    EXPECT_EQ(why_compiled_apart(files, testing_support::prebuilt_includes(*course, lesson)), std::nullopt)
        << lesson.id;
  }
}

}  // namespace
}  // namespace mathlings
