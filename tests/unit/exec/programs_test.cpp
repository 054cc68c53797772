// Trusted tools found on the PATH and run with the grader's environment; their
// failures are errors that say what was being done.
#include "exec/programs.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "base/errors.hpp"

namespace mathlings {
namespace {

std::string failure_of(std::vector<std::string> argv, double wall_seconds = 10) {
  try {
    run_tool(std::move(argv), "testing", wall_seconds, std::filesystem::temp_directory_path());
  } catch (const GraderError& e) {
    return e.what();
  }
  return "";
}

TEST(Programs, FindsAProgramOnThePathAndNothingElse) {
  const auto sh = find_program("sh");
  ASSERT_TRUE(sh);
  EXPECT_TRUE(sh->is_absolute());
  EXPECT_EQ(sh->filename(), "sh");
  EXPECT_FALSE(find_program("no-such-program-mathlings"));
  EXPECT_FALSE(find_program("bin/sh"));  // a name, never a path
  EXPECT_FALSE(find_program(""));
}

TEST(Programs, RunsAToolWithTheGradersOwnEnvironment) {
  setenv("MATHLINGS_PROGRAMS_TEST", "from the grader", 1);
  EXPECT_EQ(run_tool({"sh", "-c", "printf %s \"$MATHLINGS_PROGRAMS_TEST\""}, "testing", 10,
                     std::filesystem::temp_directory_path()),
            "from the grader");
  unsetenv("MATHLINGS_PROGRAMS_TEST");
}

TEST(Programs, AFailingToolIsAnErrorSayingWhatWasBeingDoneAndWhatItSaid) {
  const std::string failed = failure_of({"sh", "-c", "echo controller down; exit 1"});
  EXPECT_NE(failed.find("testing: sh failed: controller down"), std::string::npos) << failed;
  const std::string absent = failure_of({"no-such-program-mathlings"});
  EXPECT_NE(absent.find("needs no-such-program-mathlings, which is on no folder of the PATH"), std::string::npos)
      << absent;
  const std::string silent = failure_of({"sleep", "5"}, 0.3);
  EXPECT_NE(silent.find("sleep did not answer within 0.3 s"), std::string::npos) << silent;
}

}  // namespace
}  // namespace mathlings
