// Exports to an LMS: Canvas's columns and Points Possible row from its own
// roster, Moodle's identity columns, the plain CSV and JSON; the roster's
// order; a score the grader could not finish left empty; and no cell a
// spreadsheet would run, whatever the students are called.
#include "classroom/lms_export.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/csv.hpp"
#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class LmsExport : public ::testing::Test {
 protected:
  Roster roster_of(const std::string& text) {
    write_file_atomically(work.path() / "roster.csv", text);
    return read_roster(work.path() / "roster.csv");
  }
  std::vector<CsvLine> exported(ExportFormat format, const Roster* roster) {
    std::ostringstream out;
    write_export(out, format, grades, roster);
    return parse_csv(out.str(), ',');
  }
  static std::vector<std::string> cells(const CsvLine& line) { return line.fields; }

  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-lms-export-test-"};
  Term term = [] {
    Term t;
    Assignment la;
    la.id = "linear-algebra";
    la.title = "Linear algebra";
    la.canvas_id = "4711";
    Assignment p;
    p.id = "probability";
    p.title = "Probability";
    t.assignments = {la, p};
    return t;
  }();
  TermGrades grades = term_grades({{1, "alice", "Alice", "a@example.org", "linear-algebra", "graded", 30, 30},
                                   {2, "alice", "Alice", "a@example.org", "probability", "graded", 6.4, 8},
                                   {3, "bob", "Bob", "", "linear-algebra", "grader_error", std::nullopt, 30},
                                   {4, "zed", "Zed", "", "linear-algebra", "graded", 1, 30}},
                                  term);
};

TEST_F(LmsExport, CanvasGetsItsIdentityColumnsTheAssignmentsAndThePointsPossibleRow) {
  const Roster canvas = roster_of(
      "Student,ID,SIS User ID,SIS Login ID,Section\n"
      "    Points Possible,,,,\n"
      "\"=HYPERLINK(\"\"http://x\"\",\"\"Alice\"\")\",1001,A1,alice,Math 101\n"
      "\"+Bob, Builder\",1002,A2,bob,Math 101\n"
      "\"@Carol\",1003,A3,carol,Math 101\n");
  const auto csv = exported(ExportFormat::canvas, &canvas);
  ASSERT_EQ(csv.size(), 5u);
  EXPECT_EQ(cells(csv[0]), (std::vector<std::string>{"Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                                                     "Linear algebra (4711)", "Probability"}));
  EXPECT_EQ(cells(csv[1]), (std::vector<std::string>{"Points Possible", "", "", "", "", "30", "8"}));
  EXPECT_EQ(cells(csv[2]), (std::vector<std::string>{"'=HYPERLINK(\"http://x\",\"Alice\")", "1001", "A1", "alice",
                                                     "Math 101", "30", "6.4"}));
  EXPECT_EQ(cells(csv[3]), (std::vector<std::string>{"'+Bob, Builder", "1002", "A2", "bob", "Math 101", "", ""}));
  EXPECT_EQ(cells(csv[4])[0], "'@Carol");  // on the roster, never graded: empty cells
  std::ostringstream out;
  const ExportSummary summary = write_export(out, ExportFormat::canvas, grades, &canvas);
  EXPECT_EQ(summary.not_on_roster, std::vector<std::string>{"zed"});
  EXPECT_EQ(summary.never_graded, std::vector<std::string>{"carol"});
}

TEST_F(LmsExport, CanvasRefusesARosterThatIsNotCanvassOwn) {
  const Roster own = roster_of("student,name\nalice,Alice\n");
  std::ostringstream out;
  try {
    write_export(out, ExportFormat::canvas, grades, &own);
    FAIL() << "exported to Canvas without Canvas's identities";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("needs the class's Canvas gradebook export as --roster"), std::string::npos);
  }
  EXPECT_THROW(write_export(out, ExportFormat::canvas, grades, nullptr), UsageError);
}

TEST_F(LmsExport, ARosterThatMatchesNoGradedStudentIsRefusedNotExportedEmpty) {
  const Roster other = roster_of("student\nAA1\nAA2\n");
  std::ostringstream out;
  try {
    write_export(out, ExportFormat::csv, grades, &other);
    FAIL() << "exported a class none of whom was graded";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("none of the roster's 2 students has a grading"), std::string::npos)
        << e.what();
  }
}

TEST_F(LmsExport, AnAssignmentsPointsAreThoseOfItsLatestGrading) {
  // The course changed its points between two gradings: the later one's count.
  const TermGrades changed = term_grades(
      {{7, "alice", "", "", "probability", "graded", 9, 10}, {2, "bob", "", "", "probability", "graded", 6, 8}}, term);
  EXPECT_EQ(changed.assignments[1].max_score, 10);
}

TEST_F(LmsExport, MoodleGetsTheRostersIdentityColumnsAndOneColumnPerAssignment) {
  const Roster moodle = roster_of(
      "First name,Last name,ID number,Institution,Department,Email address,Assignment: Old (Real)\n"
      "-Alice,Liddell,alice,Uni,Maths,a@example.org,3\n"
      "Bob,Cratchit,bob,Uni,Maths,b@example.org,4\n");
  const auto csv = exported(ExportFormat::moodle, &moodle);
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(cells(csv[0]), (std::vector<std::string>{"First name", "Last name", "ID number", "Email address",
                                                     "Linear algebra", "Probability"}));
  EXPECT_EQ(cells(csv[1]), (std::vector<std::string>{"'-Alice", "Liddell", "alice", "a@example.org", "30", "6.4"}));
  EXPECT_EQ(cells(csv[2]), (std::vector<std::string>{"Bob", "Cratchit", "bob", "b@example.org", "", ""}));
}

TEST_F(LmsExport, MoodleNeverTakesAnotherLmssIdsForItsOwn) {
  const Roster canvas = roster_of("Student,ID,SIS User ID,SIS Login ID,Section\n\"Liddell, Alice\",1001,A1,alice,M\n");
  const auto csv = exported(ExportFormat::moodle, &canvas);
  EXPECT_EQ(cells(csv[0]), (std::vector<std::string>{"username", "name", "email", "Linear algebra", "Probability"}));
  EXPECT_EQ(cells(csv[1]), (std::vector<std::string>{"alice", "Liddell, Alice", "a@example.org", "30", "6.4"}));
}

TEST_F(LmsExport, PlainCsvAndJsonHoldEveryGradedStudentWithTheirTotal) {
  const auto csv = exported(ExportFormat::csv, nullptr);
  ASSERT_EQ(csv.size(), 4u);
  EXPECT_EQ(cells(csv[0]), (std::vector<std::string>{"student", "name", "email", "linear-algebra", "probability",
                                                     "total", "max_total"}));
  EXPECT_EQ(cells(csv[1]), (std::vector<std::string>{"alice", "Alice", "a@example.org", "30", "6.4", "36.4", "38"}));
  EXPECT_EQ(cells(csv[2]), (std::vector<std::string>{"bob", "Bob", "", "", "", "", "38"}));
  std::ostringstream json;
  write_export(json, ExportFormat::json, grades, nullptr);
  EXPECT_NE(json.str().find("\"schema\": \"mathlings.term-grades/1\""), std::string::npos) << json.str();
  EXPECT_NE(json.str().find("\"scores\": {\"linear-algebra\": null, \"probability\": null}"), std::string::npos)
      << json.str();
  EXPECT_THROW(export_format("excel"), UsageError);
}

}  // namespace
}  // namespace mathlings
