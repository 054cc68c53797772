// The CI pipelines the README documents (docs/ci/*.yml) are run as written.
//
// Each file is read as YAML, its package set-up step (./setup.sh, which the
// test suite's own build stands in for) is checked and skipped, and every
// later command runs with /bin/sh in a folder laid out like a learner's
// repository: exercises/ holds a fixture submission and build/grader/mathlings
// is the mathlings under test. What the platform reads afterwards (the JUnit
// XML GitLab shows, the results.json GitHub keeps) must exist and be valid,
// and the job must fail exactly when the submission falls short.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = MATHLINGS_SOURCE_DIR;

/// A learner's repository as a pipeline sees it after ./setup.sh.
class Repository {
 public:
  explicit Repository(const std::string& fixture) {
    fs::copy(source_dir / "tests/fixtures/submissions" / fixture, dir_.path() / "exercises",
             fs::copy_options::recursive);
    fs::create_directories(dir_.path() / "build/grader");
    const fs::path wrapper = dir_.path() / "build/grader/mathlings";
    std::ofstream(wrapper) << "#!/bin/sh\nexec '" << MATHLINGS_BINARY << "' --cache '" << MATHLINGS_TEST_CACHE
                           << "' \"$@\"\n";
    fs::permissions(wrapper, fs::perms(0755));
  }
  /// Runs a pipeline's shell text here, as its runner would; the exit status.
  int run(const std::string& script) const {
    const fs::path file = dir_.path() / "step.sh";
    std::ofstream(file) << "set -e\n" << script << "\n";
    const std::string command = "cd '" + dir_.path().string() + "' && /bin/sh step.sh >step.out 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  fs::path operator/(const std::string& name) const { return dir_.path() / name; }

 private:
  TemporaryDirectory dir_{fs::temp_directory_path(), "ci-pipeline-"};
};

bool valid_junit(const fs::path& file) {
  const std::string command = "xmllint --noout --schema '" + (source_dir / "tests/schemas/junit.xsd").string() + "' '" +
                              file.string() + "' 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

/// The GitHub workflow's steps after ./setup.sh, as one script.
std::string github_grading_steps() {
  const YAML::Node workflow = YAML::LoadFile((source_dir / "docs/ci/github-classroom.yml").string());
  const YAML::Node steps = workflow["jobs"]["grade"]["steps"];
  EXPECT_TRUE(steps.IsSequence());
  std::string script;
  bool set_up = false;
  for (const auto& step : steps) {
    if (!step["run"]) continue;
    const auto run = step["run"].as<std::string>();
    if (run == "./setup.sh") {
      set_up = true;
    } else {
      EXPECT_TRUE(set_up) << "a step runs before ./setup.sh: " << run;
      script += run + "\n";
    }
  }
  EXPECT_TRUE(set_up) << "the workflow never runs ./setup.sh";
  return script;
}

TEST(CiPipelines, TheReadmeShowsEachPipelineAsItIs) {
  const std::string readme = read_file(source_dir / "README.md");
  for (const char* file : {"docs/ci/github-classroom.yml", "docs/ci/gitlab-ci.yml"}) {
    EXPECT_NE(readme.find("```yaml\n" + read_file(source_dir / file) + "```"), std::string::npos)
        << "README.md must show " << file << " verbatim in a ```yaml block";
  }
}

TEST(CiPipelines, TheGithubWorkflowRunsOnEveryPushOnDebian12) {
  const YAML::Node workflow = YAML::LoadFile((source_dir / "docs/ci/github-classroom.yml").string());
  bool on_push = false;
  for (const auto& event : workflow["on"]) on_push = on_push || event.as<std::string>() == "push";
  EXPECT_TRUE(on_push);
  EXPECT_EQ(workflow["jobs"]["grade"]["container"].as<std::string>(), "debian:12");
  EXPECT_EQ(workflow["jobs"]["grade"]["steps"][0]["uses"].as<std::string>().rfind("actions/checkout@", 0), 0u);
}

TEST(CiPipelines, TheGithubWorkflowFailsAShortfallAndKeepsItsResults) {
  const Repository repository("partly-wrong");
  EXPECT_EQ(repository.run(github_grading_steps()), 1) << read_file(repository / "step.out");
  EXPECT_TRUE(valid_junit(repository / "results.xml"));
  const YAML::Node exercism = YAML::LoadFile((repository / "results.json").string());  // JSON is YAML
  EXPECT_EQ(exercism["version"].as<int>(), 3);
  EXPECT_EQ(exercism["status"].as<std::string>(), "fail");
}

TEST(CiPipelines, TheGithubWorkflowPassesFullMarks) {
  const Repository repository("all-correct");
  EXPECT_EQ(repository.run(github_grading_steps()), 0) << read_file(repository / "step.out");
  EXPECT_EQ(YAML::LoadFile((repository / "results.json").string())["status"].as<std::string>(), "pass");
}

TEST(CiPipelines, TheGitlabJobWritesTheJunitReportItDeclares) {
  const YAML::Node job = YAML::LoadFile((source_dir / "docs/ci/gitlab-ci.yml").string())["grade"];
  EXPECT_EQ(job["image"].as<std::string>(), "debian:12");
  const YAML::Node script = job["script"];
  ASSERT_TRUE(script.IsSequence());
  ASSERT_GE(script.size(), 2u);
  EXPECT_EQ(script[0].as<std::string>(), "./setup.sh");
  std::string commands;
  for (std::size_t i = 1; i < script.size(); ++i) commands += script[i].as<std::string>() + "\n";
  const std::string report = job["artifacts"]["reports"]["junit"].as<std::string>();
  EXPECT_EQ(job["artifacts"]["when"].as<std::string>(), "always");  // a failing job still shows its report

  const Repository repository("partly-wrong");
  EXPECT_EQ(repository.run(commands), 1) << read_file(repository / "step.out");
  EXPECT_TRUE(valid_junit(repository / report));
}

}  // namespace
}  // namespace mathlings
