#include "roster.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "errors.hpp"
#include "files.hpp"

namespace mathlings {
namespace {

class RosterTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto file = dir_.path() / "roster.csv";
    std::ofstream(file) << text;
    return file;
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

TEST_F(RosterTest, ReadsTheFirstFieldOfEachLineAfterAnOptionalHeader) {
  const auto students =
      read_roster(write("Username,Name,Email\n"
                        "alice,\"Liddell, Alice\",a@example.org\n"
                        "  \"bob\" ; Bob\n"
                        "# withdrew in week 2\n"
                        "\n"
                        "carol\tCarol\n"
                        "dave\n"));
  EXPECT_EQ(students, (std::vector<std::string>{"alice", "bob", "carol", "dave"}));
}

TEST_F(RosterTest, AStudentNamedLikeAHeaderIsAStudentAfterTheFirstLine) {
  EXPECT_EQ(read_roster(write("erin\nname\n")), (std::vector<std::string>{"erin", "name"}));
}

TEST_F(RosterTest, MistakesNameTheFileAndLine) {
  EXPECT_NE(error_of("alice\nbob\nalice\n").find("roster.csv:3: 'alice' is on the roster already, at line 1"),
            std::string::npos);
  EXPECT_NE(error_of("alice\n,Nobody\n").find("roster.csv:2: no student id in the first field"), std::string::npos);
  EXPECT_NE(error_of("../etc\n").find("roster.csv:1: '../etc' cannot name a submission"), std::string::npos);
  EXPECT_NE(error_of("student\n# nobody yet\n").find("names no student"), std::string::npos);
}

}  // namespace
}  // namespace mathlings
