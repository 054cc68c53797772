#include "report/report.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace mathlings {
namespace {

TEST(JsonReport, WritesTheDocumentedFieldsInOrder) {
  SubmissionResult s;
  ExerciseResult e;
  e.id = "01-linear-algebra/elimination";
  e.tests = {{"worked example", TestStatus::passed, 2, 2, ""}, {"pivot", TestStatus::failed, 0, 1.5, "expected 1"}};
  e.settle();
  e.message = "1 of 2 tests passed";
  s.exercises.push_back(e);
  std::ostringstream out;
  write_json(out, s);
  EXPECT_EQ(out.str(), R"({
  "schema": "mathlings.result/1",
  "score": 2.0, "max_score": 3.5,
  "exercises": [
    { "id": "01-linear-algebra/elimination",
      "status": "partial",
      "score": 2.0, "max_score": 3.5,
      "message": "1 of 2 tests passed",
      "tests": [
        { "name": "worked example", "status": "passed", "score": 2.0, "max_score": 2.0,
          "message": "" },
        { "name": "pivot", "status": "failed", "score": 0.0, "max_score": 1.5,
          "message": "expected 1" }
      ] }
  ]
}
)");
}

}  // namespace
}  // namespace mathlings
