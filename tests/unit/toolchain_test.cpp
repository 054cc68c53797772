#include "toolchain.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

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

}  // namespace
}  // namespace mathlings
