#include "model/single_source.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"

namespace mathlings {
namespace {

TEST(SingleSource, RegionsBecomeTheirStubLinesAtTheRegionsIndentation) {
  const std::string solution = R"(#include <x.hpp>
int f(int a) {
  // BEGIN SOLUTION
  // > // TODO: double it.
  // >
  // > (void)a;
  // >   throw not_implemented();
  return 2 * a;
  // END SOLUTION
}
)";
  EXPECT_EQ(generate_stub(solution, "f.cpp"), R"(#include <x.hpp>
int f(int a) {
  // TODO: double it.

  (void)a;
    throw not_implemented();
}
)");
}

TEST(SingleSource, ARegionWithoutStubLinesBecomesATodoAndAThrow) {
  EXPECT_EQ(generate_stub("int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}\n", "f.cpp"),
            "int f() {\n    // TODO: write this part.\n    throw not_implemented();\n}\n");
}

TEST(SingleSource, SolutionOnlyRegionsAreLeftOut) {
  EXPECT_EQ(generate_stub("// BEGIN SOLUTION ONLY\nint helper();\n// END SOLUTION\nint f() {\n  // BEGIN "
                          "SOLUTION\n  return helper();\n  // END SOLUTION\n}\n",
                          "f.cpp"),
            "int f() {\n  // TODO: write this part.\n  throw not_implemented();\n}\n");
}

std::string error_of(const std::string& solution) {
  try {
    generate_stub(solution, "solutions/x.cpp");
  } catch (const CourseError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(SingleSource, MalformedMarkersNameTheLine) {
  EXPECT_EQ(error_of("int f() {\n  // BEGIN SOLUTION\n  return 1;\n}\n"),
            "solutions/x.cpp:2: BEGIN SOLUTION is never closed by END SOLUTION");
  EXPECT_EQ(error_of("a\n// END SOLUTION\n"), "solutions/x.cpp:2: END SOLUTION without a BEGIN SOLUTION");
  EXPECT_EQ(error_of("// BEGIN SOLUTION\n// BEGIN SOLUTION\n"),
            "solutions/x.cpp:2: BEGIN SOLUTION inside the region opened at line 1");
  EXPECT_NE(error_of("int f() { return 1; }\n").find("no // BEGIN SOLUTION"), std::string::npos);
  EXPECT_NE(error_of("// BEGIN SOLUTION ONLY\n// > x\n// END SOLUTION\n").find("has no stub lines"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
