// The CI formats checked against the fields their platforms document:
// Gradescope's results.json and Exercism's test-runner results.json (v3).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "base/json.hpp"
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

Json parsed(void (*writer)(std::ostream&, const SubmissionResult&)) {
  std::ostringstream out;
  writer(out, every_outcome());
  return parse_json(out.str(), "results.json");  // a malformed document throws
}

TEST(Formats, GradescopeResultsHaveTheDocumentedFields) {
  const Json r = parsed(write_gradescope);
  EXPECT_DOUBLE_EQ(r["score"].get<double>(), 2);
  ASSERT_TRUE(r["tests"].is_array());
  EXPECT_EQ(r["tests"].size(), 6u);
  const std::set<std::string> statuses{"passed", "failed"};
  const std::set<std::string> visibilities{"visible", "hidden", "after_due_date", "after_published"};
  for (const auto& t : r["tests"]) {
    EXPECT_FALSE(t["name"].get<std::string>().empty());
    EXPECT_GE(t["max_score"].get<double>(), t["score"].get<double>());
    EXPECT_TRUE(statuses.count(t["status"].get<std::string>()));
    EXPECT_TRUE(visibilities.count(t["visibility"].get<std::string>()));
    EXPECT_TRUE(t["output"].is_string());
  }
  EXPECT_EQ(r["tests"][4]["visibility"], "after_published");
  EXPECT_NE(r["tests"][5]["output"].get<std::string>().find("expected ';'"), std::string::npos);
}

TEST(Formats, ExercismResultsFollowVersionThree) {
  const Json r = parsed(write_exercism);
  EXPECT_EQ(r["version"], 3);
  EXPECT_EQ(r["status"], "error");  // an exercise did not compile
  EXPECT_NE(r["message"].get<std::string>().find("expected ';'"), std::string::npos);
  const std::set<std::string> statuses{"pass", "fail", "error"};
  for (const auto& t : r["tests"]) {
    const std::string status = t["status"].get<std::string>();
    EXPECT_TRUE(statuses.count(status));
    EXPECT_EQ(t.contains("message"), status != "pass");  // a message exactly where something went wrong
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
