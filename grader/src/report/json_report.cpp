#include "base/json.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

// The result's layout: a line for each field a reader looks for, a test's
// numbers on its first line.
const JsonLayout result_layout{{{"", JsonForm::lines, {"score", "notes", "exercises"}},
                                {"/exercises", JsonForm::lines},
                                {"/exercises/*", JsonForm::spaced, {"status", "score", "message", "tests"}},
                                {"/exercises/*/tests", JsonForm::lines},
                                {"/exercises/*/tests/*", JsonForm::spaced, {"message"}}},
                               true};

Json test_json(const TestResult& test) {
  Json t;
  t["name"] = test.name;
  t["status"] = std::string(to_string(test.status));
  t["score"] = test.score;
  t["max_score"] = test.max_score;
  t["message"] = test.message;
  if (test.hidden) t["hidden"] = true;
  if (!test.misconception.empty()) t["misconception"] = test.misconception;
  return t;
}

}  // namespace

std::string json_score(double d) {
  return json_number(d, true);
}

void write_json(std::ostream& out, const SubmissionResult& result) {
  Json json;
  json["schema"] = "mathlings.result/1";
  json["score"] = result.score();
  json["max_score"] = result.max_score();
  if (!result.notes.empty()) json["notes"] = result.notes;
  json["exercises"] = Json::array();
  for (const auto& exercise : result.exercises) {
    Json e;
    e["id"] = exercise.id;
    e["status"] = std::string(to_string(exercise.status));
    e["score"] = exercise.score;
    e["max_score"] = exercise.max_score;
    e["message"] = exercise.message;
    e["tests"] = Json::array();
    for (const auto& test : exercise.tests) e["tests"].push_back(test_json(test));
    json["exercises"].push_back(std::move(e));
  }
  out << json_text(json, result_layout) << "\n";
}

}  // namespace mathlings
