// What the instructor's files say about a class: the gradebook tells a stub
// never touched from a wrong answer, keeps the roster's names, and a
// student's feedback page shows whatever the student chose as text.
#include "classroom/gradebook.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/csv.hpp"
#include "report/feedback_page.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class GradebookTest : public ::testing::Test {
 protected:
  StudentRow graded(const std::string& student) {
    StudentRow row;
    row.student = student;
    ExerciseResult norms{"01-vector-norms/norms", ExerciseStatus::failed, 0, 7, "", {}};
    norms.tests.push_back({"the lesson's vector", TestStatus::failed, 0, 2, "expected 5, got 4", false, ""});
    ExerciseResult normalize{"01-vector-norms/normalize", ExerciseStatus::not_attempted, 0, 4, "", {}};
    row.result.exercises = {norms, normalize};
    return row;
  }
  std::vector<CsvLine> gradebook_csv(const std::vector<StudentRow>& rows) {
    std::ostringstream out;
    write_gradebook_csv(out, *course_, rows);
    return parse_csv(out.str(), ',');
  }
  std::string feedback_of(const StudentRow& row) {
    std::ostringstream out;
    write_feedback(out, *course_, row);
    return out.str();
  }
  std::unique_ptr<Course> course_ = load_course(fs::path(MATHLINGS_TEST_FIXTURES).parent_path() / "example-course");
};

TEST_F(GradebookTest, EachExercisesStatusTellsAnUntouchedStubFromAWrongAnswer) {
  StudentRow alice = graded("alice");
  alice.name = "Alice Liddell";
  alice.email = "alice@example.org";
  StudentRow zoe;
  zoe.student = "zoe";
  zoe.status = "missing";
  const auto csv = gradebook_csv({alice, zoe});
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv[0].fields,
            (std::vector<std::string>{"student", "name", "email", "status", "score", "max_score",
                                      "01-vector-norms/norms", "01-vector-norms/norms status",
                                      "01-vector-norms/normalize", "01-vector-norms/normalize status", "message"}));
  EXPECT_EQ(csv[1].fields, (std::vector<std::string>{"alice", "Alice Liddell", "alice@example.org", "graded", "0", "11",
                                                     "0", "failed", "0", "not_attempted", ""}));
  EXPECT_EQ(csv[2].fields[8], "0");
  EXPECT_EQ(csv[2].fields[9], "missing");  // why the row has no result, not a status of the grader's

  // What the grader could not finish has no score: an empty cell, not a 0.
  StudentRow busy = graded("bob");
  busy.status = "not_graded";
  busy.result.exercises[0].status = ExerciseStatus::not_graded;
  const auto with_busy = gradebook_csv({busy});
  EXPECT_EQ(with_busy[1].fields[3], "not_graded");
  EXPECT_EQ(with_busy[1].fields[4], "");
  EXPECT_EQ(with_busy[1].fields[6], "");
  EXPECT_EQ(with_busy[1].fields[7], "not_graded");
  EXPECT_EQ(with_busy[1].fields[8], "0");

  std::ostringstream json;
  write_gradebook_json(json, *course_, {alice});
  EXPECT_NE(json.str().find("\"name\": \"Alice Liddell\", \"email\": \"alice@example.org\""), std::string::npos);
  EXPECT_NE(json.str().find("\"01-vector-norms/normalize\": { \"status\": \"not_attempted\""), std::string::npos);
}

TEST_F(GradebookTest, AStatusOfAnyNameReachesTheGradebookAsToStringSpellsIt) {
  for (auto status :
       {ExerciseStatus::passed, ExerciseStatus::partial, ExerciseStatus::compile_error, ExerciseStatus::rejected}) {
    StudentRow row = graded("alice");
    row.result.exercises[0].status = status;
    EXPECT_EQ(gradebook_csv({row})[1].fields[7], to_string(status));
  }
}

TEST_F(GradebookTest, NoStudentNamedLikeAFormulaReachesTheGradebookAsOne) {
  std::vector<StudentRow> rows;
  for (const char* name : {"=HYPERLINK(\"http:x\",\"click\")", "+cmd", "@SUM(A1)", "-2+3"}) {
    rows.push_back(graded(name));
    rows.back().name = name;
    rows.back().message = std::string("=") + name;
  }
  const auto csv = gradebook_csv(rows);
  for (std::size_t r = 1; r < csv.size(); ++r) {
    EXPECT_EQ(csv[r].fields[0], "'" + rows[r - 1].student);
    EXPECT_EQ(csv[r].fields[1], "'" + rows[r - 1].student);
    EXPECT_EQ(csv[r].fields.back(), "'=" + rows[r - 1].student);
  }
}

TEST_F(GradebookTest, TheFeedbackPageShowsWhatAStudentChoseAsTextNeverAsMarkup) {
  StudentRow row = graded("[click](javascript:alert(1))<script>alert(2)</script>");
  row.result.notes = {"Found <img src=x onerror=alert(3)> and <javascript:alert(4)> & [x][y]"};
  row.result.exercises[0].tests[0].message =
      "the program printed:\n```\n<iframe src=javascript:alert(5)>\n[link](javascript:alert(6))\n```\nthe end";
  const std::string markdown = feedback_of(row);
  const std::string page = feedback_page(course_->title, row.student, markdown);
  for (const char* markup : {"<a ", "<script", "<img", "<iframe", "href="}) {
    EXPECT_EQ(page.find(markup), std::string::npos) << markup << " in\n" << page;
  }
  EXPECT_NE(page.find("&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos) << page;
  EXPECT_NE(page.find("[click](javascript:alert(1))"), std::string::npos) << page;  // shown as it is
  EXPECT_NE(page.find("[link](javascript:alert(6))"), std::string::npos) << page;
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
