// The CI formats checked against the fields their platforms document:
// Gradescope's results.json and Exercism's test-runner results.json (v3).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <sstream>

#include "report/report.hpp"

namespace mathlings {
namespace {

/// One exercise of every kind of outcome, including what must be escaped.
SubmissionResult every_outcome() {
  SubmissionResult s;
  ExerciseResult a;
  a.id = "01-linear-algebra/elimination";
  a.tests = {{"passes", TestStatus::passed, 2, 2, ""},
             {"wrong \"answer\"", TestStatus::failed, 0, 1, "expected: [0, 9]\n  actual: [0, 9.5]"},
             {"crashes", TestStatus::crash, 0, 1, "crashed with SIGSEGV \x01 and bytes \xff\xfe"},
             {"stub", TestStatus::not_implemented, 0, 1, "not implemented yet"},
             {"secret", TestStatus::failed, 0, 1, "hidden test failed: its inputs are not shown", true}};
  a.settle();
  ExerciseResult b;
  b.id = "01-linear-algebra/inverse";
  b.status = ExerciseStatus::compile_error;
  b.message = "inverse.cpp:3: error: expected ';'";
  b.tests = {{"t", TestStatus::error, 0, 2, "not run: the file did not compile"}};
  b.max_score = 2;
  s.exercises = {a, b};
  return s;
}

YAML::Node parsed(void (*writer)(std::ostream&, const SubmissionResult&)) {
  std::ostringstream out;
  writer(out, every_outcome());
  return YAML::Load(out.str());  // JSON is YAML; a malformed document throws
}

TEST(Formats, GradescopeResultsHaveTheDocumentedFields) {
  const YAML::Node r = parsed(write_gradescope);
  EXPECT_DOUBLE_EQ(r["score"].as<double>(), 2);
  ASSERT_TRUE(r["tests"].IsSequence());
  EXPECT_EQ(r["tests"].size(), 6u);
  const std::set<std::string> statuses{"passed", "failed"};
  const std::set<std::string> visibilities{"visible", "hidden", "after_due_date", "after_published"};
  for (const auto& t : r["tests"]) {
    EXPECT_FALSE(t["name"].as<std::string>().empty());
    EXPECT_GE(t["max_score"].as<double>(), t["score"].as<double>());
    EXPECT_TRUE(statuses.count(t["status"].as<std::string>()));
    EXPECT_TRUE(visibilities.count(t["visibility"].as<std::string>()));
    EXPECT_TRUE(t["output"].IsScalar());
  }
  EXPECT_EQ(r["tests"][4]["visibility"].as<std::string>(), "after_published");
  EXPECT_NE(r["tests"][5]["output"].as<std::string>().find("expected ';'"), std::string::npos);
}

TEST(Formats, ExercismResultsFollowVersionThree) {
  const YAML::Node r = parsed(write_exercism);
  EXPECT_EQ(r["version"].as<int>(), 3);
  EXPECT_EQ(r["status"].as<std::string>(), "error");  // an exercise did not compile
  EXPECT_NE(r["message"].as<std::string>().find("expected ';'"), std::string::npos);
  const std::set<std::string> statuses{"pass", "fail", "error"};
  for (const auto& t : r["tests"]) {
    const std::string status = t["status"].as<std::string>();
    EXPECT_TRUE(statuses.count(status));
    EXPECT_EQ(t["message"].IsDefined(), status != "pass");  // a message exactly where something went wrong
  }
}

TEST(Formats, EveryWriterEmitsValidUtf8) {
  for (auto writer : {write_json, write_gradescope, write_exercism, write_junit}) {
    std::ostringstream out;
    writer(out, every_outcome());
    EXPECT_EQ(valid_utf8(out.str()), out.str());
    EXPECT_EQ(out.str().find('\x01'), std::string::npos);
  }
}

}  // namespace
}  // namespace mathlings
