#include "classroom/roster.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

class RosterTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto file = dir_.path() / "roster.csv";
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  std::vector<std::string> ids(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : read_roster(write(text)).students) out.push_back(s.id);
    return out;
  }
  std::string error_of(const std::string& text) {
    try {
      read_roster(write(text));
    } catch (const UsageError& e) {
      return e.what();
    }
    return "(read without error)";
  }
  TemporaryDirectory dir_{std::filesystem::temp_directory_path()};
};

TEST_F(RosterTest, APlainListIsOneIdPerLine) {
  EXPECT_EQ(ids("alice\n  bob \n# withdrew in week 2\n\n\"carol\"\r\ndave"),
            (std::vector<std::string>{"alice", "bob", "carol", "dave"}));
  EXPECT_EQ(ids("username\nalice\n"), (std::vector<std::string>{"alice"}));  // a one-word header
  EXPECT_EQ(read_roster(write("alice\n")).format, "list of ids");
}

TEST_F(RosterTest, AStudentNamedLikeAHeaderIsAStudentAfterTheFirstLine) {
  EXPECT_EQ(ids("erin\nname\n"), (std::vector<std::string>{"erin", "name"}));
}

TEST_F(RosterTest, GitHubClassroomsRosterIsReadByItsGitHubUsernames) {
  const Roster roster =
      read_roster(write("\"identifier\",\"github_username\",\"github_id\",\"name\"\n"
                        "\"alice@example.org\",\"alice-l\",\"101\",\"Alice Liddell\"\n"
                        "\"s1234\",\"\",\"\",\"Bob Not Yet Linked\"\n"));
  EXPECT_EQ(roster.format, "GitHub Classroom roster");
  ASSERT_EQ(roster.students.size(), 2u);
  EXPECT_EQ(roster.students[0].id, "alice-l");
  EXPECT_EQ(roster.students[0].name, "Alice Liddell");
  EXPECT_EQ(roster.students[1].id, "s1234");  // no account linked yet: the identifier
  EXPECT_EQ(roster.students[1].line, 3);
}

TEST_F(RosterTest, CanvasGradebookExportSkipsItsRowsThatAreNoStudent) {
  const Roster roster =
      read_roster(write("Student,ID,SIS User ID,SIS Login ID,Section,Homework 1 (1234)\n"
                        ",,,,,Manual Posting\n"
                        "    Points Possible,,,,,10\n"
                        "\"Liddell, Alice\",55,S-01,aliddell,Section A,9\n"
                        "\"Hatter, Mad\",56,S-02,,Section A,\n"
                        "\"Student, Test\",99,,,Section A,0\n"));
  EXPECT_EQ(roster.format, "Canvas gradebook export");
  ASSERT_EQ(roster.students.size(), 2u);
  EXPECT_EQ(roster.students[0].id, "aliddell");
  EXPECT_EQ(roster.students[0].name, "Liddell, Alice");
  EXPECT_EQ(roster.students[1].id, "S-02");  // no SIS login: the SIS user id
}

TEST_F(RosterTest, MoodleExportsKeepNamesAndEmails) {
  const Roster grades =
      read_roster(write("First name,Last name,ID number,Institution,Department,Email address,Assignment: Lab 1 (Real),"
                        "Last downloaded from this course\n"
                        "Alice,Liddell,20231,Uni,Maths,alice@example.org,9.00,1700000000\n"));
  EXPECT_EQ(grades.format, "Moodle grade export");
  ASSERT_EQ(grades.students.size(), 1u);
  EXPECT_EQ(grades.students[0].id, "20231");
  EXPECT_EQ(grades.students[0].name, "Alice Liddell");
  EXPECT_EQ(grades.students[0].email, "alice@example.org");

  const Roster users =
      read_roster(write("id;username;email;firstname;lastname;idnumber\n7;aliddell;a@x.org;Alice;L;\n"));
  EXPECT_EQ(users.format, "Moodle user list");
  EXPECT_EQ(users.students.at(0).id, "aliddell");
  EXPECT_EQ(users.students.at(0).email, "a@x.org");
}

TEST_F(RosterTest, AHeaderOfOnesOwnNamesTheFolderColumn) {
  const Roster roster = read_roster(write("Name,Email,Student\n\"Liddell, Alice\",a@x.org,alice\n"));
  EXPECT_EQ(roster.students.at(0).id, "alice");
  EXPECT_EQ(roster.students.at(0).name, "Liddell, Alice");
  EXPECT_EQ(roster.students.at(0).email, "a@x.org");
}

TEST_F(RosterTest, AHeaderItCannotPlaceIsAnErrorNotAStudent) {
  const std::string error = error_of("Full name,Login name\nAlice,alice\n");
  EXPECT_NE(error.find("roster.csv:1: cannot tell which column names each student's submission: 'Full name', "
                       "'Login name' is no header"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("'student'"), std::string::npos) << error;
  // Nor is a CSV without a header guessed at.
  EXPECT_NE(error_of("alice,Alice Liddell\n").find("roster.csv:1: cannot tell"), std::string::npos);
}

TEST_F(RosterTest, MistakesNameTheFileAndLine) {
  EXPECT_NE(error_of("alice\nbob\nalice\n").find("roster.csv:3: 'alice' is on the roster already, at line 1"),
            std::string::npos);
  EXPECT_NE(error_of("student,name\nalice,A\n,Nobody\n").find("roster.csv:3: no student id in 'student'"),
            std::string::npos);
  EXPECT_NE(error_of("../etc\n").find("roster.csv:1: '../etc' cannot name a submission"), std::string::npos);
  EXPECT_NE(error_of("student\n# nobody yet\n").find("names no student"), std::string::npos);
  EXPECT_NE(error_of("student,name\nalice,\"Alice\n").find("roster.csv:2: a quoted field is never closed"),
            std::string::npos);
}

TEST_F(RosterTest, AnyHeaderMayGiveWhenEachStudentSubmitted) {
  const Roster own = read_roster(write("student,submitted_at\nalice,2026-10-05T23:41:07+02:00\nbob,\n"));
  EXPECT_EQ(own.students[0].submitted_at, (Moment{1'791'236'467, 120}));
  EXPECT_FALSE(own.students[1].submitted_at);  // not handed in yet: no time
  const Roster classroom = read_roster(
      write("identifier,github_username,github_id,name,Submitted At\nA1,alice,1,Alice,2026-10-05T21:41:07Z\n"));
  EXPECT_EQ(classroom.format, "GitHub Classroom roster");
  EXPECT_EQ(classroom.students[0].submitted_at->epoch_seconds, 1'791'236'467);
  EXPECT_NE(error_of("student,submitted_at\nalice,5 Oct 2026 23:41\n")
                .find("roster.csv:2: submitted_at '5 Oct 2026 23:41' is no time this grader reads: write it as "
                      "2026-10-05T23:41:07+02:00"),
            std::string::npos)
      << error_of("student,submitted_at\nalice,5 Oct 2026 23:41\n");
  // Without an offset a time is no instant: refused, never guessed.
  EXPECT_NE(error_of("student,submitted_at\nalice,2026-10-05T23:41:07\n").find("roster.csv:2:"), std::string::npos);
}

TEST_F(RosterTest, ClonedClassroomRepositoriesAreMatchedByTheirPrefix) {
  const Roster roster = read_roster(write("student\nalice\nbob\njim-bob\nzoe\n"));
  const auto matched = match_roster(roster, {"hw1-alice", "hw1-bob", "hw1-jim-bob", "stray"});
  EXPECT_EQ(matched, (std::map<std::string, std::string>{
                         {"alice", "hw1-alice"}, {"bob", "hw1-bob"}, {"jim-bob", "hw1-jim-bob"}}));
  // A folder named by the id itself comes first.
  EXPECT_EQ(match_roster(roster, {"alice", "hw1-alice"}).at("alice"), "alice");
}

}  // namespace
}  // namespace mathlings
