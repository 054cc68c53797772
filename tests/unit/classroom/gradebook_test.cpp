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
    write_gradebook_csv(out, *course_, nullptr, rows);
    return parse_csv(out.str(), ',');
  }
  std::string feedback_of(const StudentRow& row) {
    std::ostringstream out;
    write_feedback(out, *course_, nullptr, row);
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
  write_gradebook_json(json, *course_, nullptr, {alice});
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

/// The example course's two exercises as one assignment, due at 23:59 in
/// Paris's summer time, with a 15-minute grace, 10 % a day, at most 30 %,
/// and carol given two more days.
Assignment late_policy() {
  Assignment a;
  a.id = "norms";
  a.exercises = {"01-vector-norms/norms", "01-vector-norms/normalize"};
  a.due = *parse_moment("2026-10-05T23:59+02:00");
  a.grace_minutes = 15;
  a.penalty_per_day = 0.1;
  a.penalty_cap = 0.3;
  a.extensions["carol"] = *parse_moment("2026-10-07T23:59+02:00");
  return a;
}

TEST_F(GradebookTest, ALateHandInLosesThePolicysShareOfItsScoreAndEveryFileSaysWhy) {
  const Assignment assignment = late_policy();
  const auto scoring_7 = [&](const std::string& student, const std::string& handed_in, const std::string& source) {
    StudentRow row = graded(student);
    row.result.exercises[0].status = ExerciseStatus::passed;
    row.result.exercises[0].score = 7;
    if (!handed_in.empty()) row.handed_in = HandIn{*parse_moment(handed_in), source, "detail"};
    return row;
  };
  std::vector<StudentRow> rows{scoring_7("alice", "2026-10-05T21:50:00Z", "commit"),      // 23:50 in Paris
                               scoring_7("bob", "2026-10-05T23:15:30Z", "roster"),        // 76.5 min late
                               scoring_7("carol", "2026-10-07T20:00:00+02:00", "files"),  // within her extension
                               scoring_7("dave", "2026-10-05T22:10:00Z", "commit"),       // 11 min late: grace
                               scoring_7("erin", "2026-10-09T12:00:00+02:00", "commit"),  // 4 days: the cap
                               scoring_7("frank", "", "")};                               // no time found
  apply_late_policy(rows, assignment);
  std::ostringstream out;
  write_gradebook_csv(out, *course_, &assignment, rows);
  const auto csv = parse_csv(out.str(), ',');
  ASSERT_EQ(csv.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(csv[0].fields.begin() + 4, csv[0].fields.begin() + 12),
            (std::vector<std::string>{"score", "max_score", "score_before_penalty", "penalty", "minutes_late",
                                      "handed_in", "handed_in_from", "due"}));
  const auto cells = [&](std::size_t r) {
    return std::vector<std::string>(csv[r].fields.begin() + 4, csv[r].fields.begin() + 12);
  };
  EXPECT_EQ(cells(1), (std::vector<std::string>{"7", "11", "7", "0", "0", "2026-10-05T23:50:00+02:00", "commit",
                                                "2026-10-05T23:59:00+02:00"}));
  EXPECT_EQ(cells(2), (std::vector<std::string>{"6.3", "11", "7", "0.1", "77", "2026-10-06T01:15:30+02:00", "roster",
                                                "2026-10-05T23:59:00+02:00"}));
  EXPECT_EQ(cells(3), (std::vector<std::string>{"7", "11", "7", "0", "0", "2026-10-07T20:00:00+02:00", "files",
                                                "2026-10-07T23:59:00+02:00"}));
  EXPECT_EQ(cells(4)[3], "0");  // 11 minutes late is within the 15 minutes' grace
  EXPECT_EQ(cells(5)[0], "4.9");
  EXPECT_EQ(cells(5)[3], "0.3");  // 4 days begun, 40 %, capped at 30 %
  EXPECT_EQ(cells(6), (std::vector<std::string>{"7", "11", "7", "", "", "", "", "2026-10-05T23:59:00+02:00"}));

  std::ostringstream json;
  write_gradebook_json(json, *course_, &assignment, rows);
  EXPECT_NE(json.str().find("\"score\": 6.3"), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\"minutes_late\": 77"), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\"extended\": true"), std::string::npos) << json.str();

  const auto feedback = [&](const StudentRow& row) {
    std::ostringstream text;
    write_feedback(text, *course_, &assignment, row);
    return text.str();
  };
  EXPECT_NE(feedback(rows[1]).find("**Score: 6.3 / 11** — 7 as graded, less a late penalty of 10 % (1 day or part "
                                   "of one late)"),
            std::string::npos)
      << feedback(rows[1]);
  EXPECT_NE(feedback(rows[1]).find("Handed in 2026-10-06T01:15:30+02:00 (the time your course's platform "
                                   "recorded): 1 h 17 min late; due 2026-10-05T23:59:00+02:00."),
            std::string::npos)
      << feedback(rows[1]);
  EXPECT_NE(feedback(rows[2]).find("on time; due 2026-10-07T23:59:00+02:00 (your extension)."), std::string::npos);
  EXPECT_NE(feedback(rows[3]).find("on time, within the grace period"), std::string::npos);
  EXPECT_NE(feedback(rows[5]).find("No hand-in time could be found"), std::string::npos);
  EXPECT_NE(feedback(rows[0]).find("**Score: 7 / 11**\n"), std::string::npos);
  EXPECT_NE(feedback(rows[4]).find("(4 days or part of one late, at most 30 %)\n"), std::string::npos)
      << feedback(rows[4]);

  // 3 days at 10 %, under a cap of 50 %: no cap is said to apply (3 × 0.1 > 0.3 in doubles).
  Assignment looser = assignment;
  looser.penalty_cap = 0.5;
  std::vector<StudentRow> three_days{scoring_7("gina", "2026-10-08T12:00:00+02:00", "files")};
  apply_late_policy(three_days, looser);
  std::ostringstream text;
  write_feedback(text, *course_, &looser, three_days[0]);
  EXPECT_NE(text.str().find("less a late penalty of 30 % (3 days or part of one late)\n"), std::string::npos)
      << text.str();

  // A hand-in that could not be used scores nothing: no penalty is taken from it, nor is it called late.
  StudentRow unreadable = scoring_7("hal", "2026-10-09T12:00:00+02:00", "files");
  unreadable.status = "unreadable";
  std::vector<StudentRow> broken{unreadable};
  apply_late_policy(broken, assignment);
  EXPECT_FALSE(broken[0].late.has_value());
}

}  // namespace
}  // namespace mathlings
