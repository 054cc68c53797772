// The real seam between the judge and the machine (ToolchainBuildAndRun):
// what the fake in tests/support/fake_toolchain.hpp stands in for must hold
// of the real compiler and process runner — a build's three ends (a runner, a
// compile error, a link error) told apart, and each run in a scratch folder
// of its own that is gone when the run ends.
#include "judge/build_and_run.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/config.hpp"
#include "base/files.hpp"
#include "common/protocol.hpp"
#include "exec/sandbox.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class ToolchainSeam : public ::testing::Test {
 protected:
  RunnerBuild build(const std::string& source) {
    return seam.build_runner(*course, norms, source, "01-vector-norms/norms.cpp");
  }
  /// A shell run as if it were a runner: its request is the script.
  ProcessResult run_shell(const std::string& script, bool sandboxed = false) {
    return seam.run_runner("/bin/sh", script, Limits{}, sandboxed);
  }

  std::unique_ptr<Course> course = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course");
  const Exercise& norms = course->find("01-vector-norms/norms");
  Toolchain toolchain{fs::path(config::default_cache_dir)};
  ToolchainBuildAndRun seam{toolchain};
};

TEST_F(ToolchainSeam, TheReferenceBuildsIntoARunnerThatAnswersARequest) {
  const RunnerBuild built = build(read_file(course->solutions_dir() / norms.relative_file()));
  ASSERT_TRUE(built.runner.ok) << built.runner.diagnostics;
  EXPECT_TRUE(built.compiled);
  EXPECT_TRUE(fs::is_regular_file(built.runner.path));

  const std::string request = protocol::encode_request(
      {{"l1_norm", {Value(std::vector<double>{3, -4})}}, {"max_norm", {Value(std::vector<double>{})}}});
  const ProcessResult run = seam.run_runner(built.runner.path, request, Limits{}, false);
  ASSERT_EQ(run.end, ProcessResult::End::exited) << run.output;
  EXPECT_EQ(run.exit_code, 0) << run.output;
  const protocol::Answers answers = protocol::decode_answers(run.results);
  EXPECT_TRUE(answers.done);
  ASSERT_EQ(answers.outcomes.size(), 2u);
  EXPECT_EQ(answers.outcomes[0].value(), Value(7.0));
  EXPECT_EQ(answers.outcomes[1].value(), Value(0.0));
}

TEST_F(ToolchainSeam, ACompileErrorIsAResultThatNamesTheLearnersFile) {
  const RunnerBuild built =
      build("namespace mathlings { double l1_norm(const std::vector<double>& x) { return x } }\n");
  EXPECT_FALSE(built.compiled);
  EXPECT_FALSE(built.runner.ok);
  EXPECT_NE(built.runner.diagnostics.find("01-vector-norms/norms.cpp:1:"), std::string::npos)
      << built.runner.diagnostics;
}

TEST_F(ToolchainSeam, AFunctionLeftUndefinedIsALinkErrorAfterACompile) {
  const RunnerBuild built = build(
      "#include <mathlings/vector_norms.hpp>\n"
      "namespace mathlings {\n"
      "double l1_norm(const std::vector<double>&) { return 0; }\n"
      "double max_norm(const std::vector<double>&) { return 0; }\n"
      "}\n");
  EXPECT_TRUE(built.compiled);
  EXPECT_FALSE(built.runner.ok);
  EXPECT_NE(built.runner.diagnostics.find("does not define mathlings::l2_norm"), std::string::npos)
      << built.runner.diagnostics;
}

TEST_F(ToolchainSeam, EveryRunStartsInAnEmptyFolderOfItsOwnThatIsGoneAfterwards) {
  const std::string script = "pwd; ls -A | wc -l; touch left-behind\n";
  const ProcessResult first = run_shell(script);
  const ProcessResult second = run_shell(script);
  ASSERT_EQ(first.end, ProcessResult::End::exited) << first.output;
  ASSERT_EQ(second.end, ProcessResult::End::exited) << second.output;

  std::istringstream first_lines(first.output), second_lines(second.output);
  std::string first_folder, second_folder, first_count, second_count;
  std::getline(first_lines, first_folder);
  std::getline(first_lines, first_count);
  std::getline(second_lines, second_folder);
  std::getline(second_lines, second_count);

  EXPECT_EQ(fs::path(first_folder).parent_path(), fs::temp_directory_path());
  EXPECT_EQ(fs::path(first_folder).filename().string().rfind("mathlings-scratch-", 0), 0u) << first_folder;
  EXPECT_NE(first_folder, second_folder);
  EXPECT_EQ(first_count, "0");
  EXPECT_EQ(second_count, "0");  // the first run's file stayed behind in neither
  EXPECT_FALSE(fs::exists(first_folder));
  EXPECT_FALSE(fs::exists(second_folder));
}

TEST_F(ToolchainSeam, TheResultChannelIsOpenAndKeptApartFromWhatIsPrinted) {
  const ProcessResult run = run_shell("echo answer >&3; echo printed\n");
  ASSERT_EQ(run.end, ProcessResult::End::exited) << run.output;
  EXPECT_EQ(run.results, "answer\n");
  EXPECT_EQ(run.output, "printed\n");
}

TEST_F(ToolchainSeam, ASandboxedRunWritesOnlyInItsScratchFolder) {
  if (!sandbox_available()) GTEST_SKIP() << "no sandbox on this machine: " << isolation_problem();
  const ProcessResult run = run_shell(
      "echo kept > here && cat here\n"
      "if touch /etc/mathlings-probe 2>/dev/null; then echo wrote-outside; else echo refused; fi\n",
      true);
  ASSERT_EQ(run.end, ProcessResult::End::exited) << run.output;
  EXPECT_EQ(run.output, "kept\nrefused\n");
  EXPECT_FALSE(fs::exists("/etc/mathlings-probe"));
}

}  // namespace
}  // namespace mathlings
