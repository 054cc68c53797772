// A result read back (batch resume, shard merging) is the result written:
// all of it or, from a damaged file, none of it.
#include "model/result_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "base/errors.hpp"
#include "base/files.hpp"
#include "report/report.hpp"

namespace mathlings {
namespace {

namespace fs = std::filesystem;

class ResultReaderTest : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("mathlings-result-reader-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  fs::path file_with(const std::string& text, const std::string& name = "alice.json") {
    write_file_atomically(dir / name, text);
    return dir / name;
  }
  std::string error_reading(const fs::path& file) {
    try {
      read_result_json(file);
    } catch (const GraderError& e) {
      return e.what();
    }
    return "(read without an error)";
  }
};

SubmissionResult every_field() {
  SubmissionResult s;
  s.notes = {"elimination.cpp was found at exercises/elimination.cpp", "a \"quoted\" note\twith a tab"};
  ExerciseResult a;
  a.id = "01-linear-algebra/elimination";
  a.tests = {{"worked example", TestStatus::passed, 2, 2, ""},
             {"pivot", TestStatus::failed, 0, 1.5, "expected 1\n  actual: 2 — ✓ 😀", false, "forgot_to_pivot"},
             {"secret", TestStatus::timeout, 0, 0.25, "hidden test failed", true}};
  a.settle();
  a.message = "1 of 3 tests passed";
  ExerciseResult b;
  b.id = "01-linear-algebra/inverse";
  b.status = ExerciseStatus::compile_error;
  b.message = "inverse.cpp:3: error: expected ';'";
  b.max_score = 2;
  ExerciseResult c;
  c.id = "01-linear-algebra/determinant";
  c.status = ExerciseStatus::not_graded;
  c.score = 1.0 / 3;
  c.max_score = 10;
  s.exercises = {a, b, c};
  return s;
}

void expect_equal(const SubmissionResult& read, const SubmissionResult& written) {
  EXPECT_EQ(read.notes, written.notes);
  ASSERT_EQ(read.exercises.size(), written.exercises.size());
  for (std::size_t e = 0; e < read.exercises.size(); ++e) {
    const auto& r = read.exercises[e];
    const auto& w = written.exercises[e];
    EXPECT_EQ(r.id, w.id);
    EXPECT_EQ(r.status, w.status);
    EXPECT_NEAR(r.score, w.score, 1e-9);  // written with 10 significant digits
    EXPECT_EQ(r.max_score, w.max_score);
    EXPECT_EQ(r.message, w.message);
    ASSERT_EQ(r.tests.size(), w.tests.size());
    for (std::size_t t = 0; t < r.tests.size(); ++t) {
      EXPECT_EQ(r.tests[t].name, w.tests[t].name);
      EXPECT_EQ(r.tests[t].status, w.tests[t].status);
      EXPECT_EQ(r.tests[t].score, w.tests[t].score);
      EXPECT_EQ(r.tests[t].max_score, w.tests[t].max_score);
      EXPECT_EQ(r.tests[t].message, w.tests[t].message);
      EXPECT_EQ(r.tests[t].hidden, w.tests[t].hidden);
      EXPECT_EQ(r.tests[t].misconception, w.tests[t].misconception);
    }
  }
}

std::string json_of(const SubmissionResult& result) {
  std::ostringstream out;
  write_json(out, result);
  return out.str();
}

TEST_F(ResultReaderTest, AResultWrittenReadsBackEqual) {
  const SubmissionResult written = every_field();
  const SubmissionResult read = read_result_json(file_with(json_of(written)));
  expect_equal(read, written);
  EXPECT_EQ(json_of(read), json_of(written));
}

TEST_F(ResultReaderTest, AnEmptyResultReadsBackEqual) {
  const SubmissionResult read = read_result_json(file_with(json_of({})));
  EXPECT_TRUE(read.exercises.empty());
  EXPECT_TRUE(read.notes.empty());
}

TEST_F(ResultReaderTest, ReadsAnEscapedSurrogatePair) {
  const SubmissionResult read = read_result_json(file_with(R"({"schema": "mathlings.result/1",
    "exercises": [{"id": "e", "status": "failed", "score": 0, "max_score": 1, "message": "\ud83d\ude00 \u00e9",
                   "tests": []}]})"));
  ASSERT_EQ(read.exercises.size(), 1u);
  EXPECT_EQ(read.exercises[0].message, "\xf0\x9f\x98\x80 \xc3\xa9");
}

TEST_F(ResultReaderTest, RefusesADuplicateKeyNamingTheFileAndTheKey) {
  std::string text = json_of(every_field());
  ASSERT_NE(text.find("\"id\": \"01-linear-algebra/elimination\""), std::string::npos);
  text.insert(text.find("\"message\": \"1 of 3"), "\"score\": 9.0, ");  // the first exercise's score, twice
  const fs::path file = file_with(text);
  const std::string error = error_reading(file);
  EXPECT_EQ(error.rfind(file.string() + ": ", 0), 0u) << error;
  EXPECT_NE(error.find("\"score\" appears twice in exercises[0]"), std::string::npos) << error;
}

TEST_F(ResultReaderTest, RefusesATruncatedFileNeverHalfReadingIt) {
  const std::string text = json_of(every_field());
  for (std::size_t length : {std::size_t{0}, text.size() / 3, text.size() / 2, text.size() - 3}) {
    const fs::path file = file_with(text.substr(0, length));
    const std::string error = error_reading(file);
    EXPECT_EQ(error.rfind(file.string() + ":", 0), 0u) << error;
    EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
    EXPECT_NE(error.find("run again the batch"), std::string::npos) << error;  // what to do
  }
}

TEST_F(ResultReaderTest, ASyntaxErrorNamesTheLine) {
  const fs::path file = file_with("{\n  \"schema\": \"mathlings.result/1\",\n  \"score\": 2.0 \"max_score\": 3\n}\n");
  EXPECT_EQ(error_reading(file).rfind(file.string() + ":3:", 0), 0u) << error_reading(file);
}

TEST_F(ResultReaderTest, KeepsItsChecksOfWhatIsRead) {
  EXPECT_NE(error_reading(file_with(R"({"schema": "mathlings.failure/1"})")).find("not a mathlings.result/1"),
            std::string::npos);
  EXPECT_NE(error_reading(file_with(R"({"schema": "mathlings.result/1", "exercises": [{"id": "e",
    "status": "sideways", "score": 0, "max_score": 1, "message": "", "tests": []}]})"))
                .find("unknown status 'sideways'"),
            std::string::npos);
  const std::string wrong_type = error_reading(file_with(R"({"schema": "mathlings.result/1", "exercises": [{"id": "e",
    "status": "failed", "score": "0", "max_score": 1, "message": "", "tests": []}]})"));
  EXPECT_NE(wrong_type.find("exercises[0].score should be a number, not a string"), std::string::npos) << wrong_type;
  const std::string missing = error_reading(file_with(R"({"schema": "mathlings.result/1", "exercises": [{"id": "e",
    "status": "failed", "score": 0, "max_score": 1, "tests": []}]})"));
  EXPECT_NE(missing.find("exercises[0] has no \"message\""), std::string::npos) << missing;
  EXPECT_NE(error_reading(file_with("[1, 2]")).find("should be an object"), std::string::npos);
}

TEST_F(ResultReaderTest, AMissingFileIsAGraderErrorNamingIt) {
  const std::string error = error_reading(dir / "nobody.json");
  EXPECT_NE(error.find("nobody.json"), std::string::npos) << error;
}

}  // namespace
}  // namespace mathlings
