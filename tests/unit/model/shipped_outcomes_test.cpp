// A student pack's expected outcomes: what `export student` writes is read
// back for exactly the request it was computed for; damaged data is a
// CourseError, never a wrong verdict.
#include "model/shipped_outcomes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "base/errors.hpp"
#include "base/files.hpp"

namespace mathlings {
namespace {

using protocol::Outcome;
using protocol::Thrown;

class ShippedOutcomes : public ::testing::Test {
 protected:
  void SetUp() override {
    course.root = work.path();
    exercise.id = "01-vector-norms/norms";
    exercise.name = "norms";
    test.name = "the lesson's example";
  }
  void ship(const std::string& data) {
    fs::create_directories(course.expected_dir() / "01-vector-norms");
    std::ofstream(course.expected_dir() / "01-vector-norms" / "norms.expected", std::ios::binary) << data;
  }
  TemporaryDirectory work{fs::temp_directory_path(), "mathlings-shipped-test-"};
  Course course;
  Exercise exercise;
  TestSpec test;
  const std::vector<Outcome> outcomes{{Value(std::vector<double>{3, 4})},
                                      {Value(5.0)},
                                      {Thrown{"std::invalid_argument", "an empty vector has no norm"}}};
};

TEST_F(ShippedOutcomes, ARecordIsReadBackForItsRequest) {
  // Before it, a record whose numbers are written in every way a double can be.
  ship(shipped_record("", "another test", "request 0", {{Value(std::vector<double>{NAN, -0.0, -INFINITY, 0.1})}}) +
       shipped_record("", test.name, "request 1", outcomes));
  const auto read = shipped_outcomes(course, exercise, test, "request 1");
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[0].value(), Value(std::vector<double>{3, 4}));
  EXPECT_EQ((*read)[1].value(), Value(5.0));
  ASSERT_TRUE((*read)[2].threw());
  EXPECT_EQ((*read)[2].thrown(), (Thrown{"std::invalid_argument", "an empty vector has no norm"}));
}

TEST_F(ShippedOutcomes, NothingIsShippedForAnotherRequestTestOrVariant) {
  ship(shipped_record("", test.name, "request 1", outcomes));
  EXPECT_FALSE(shipped_outcomes(course, exercise, test, "request 2"));  // the spec changed since the export
  TestSpec other = test;
  other.name = "random vectors";
  EXPECT_FALSE(shipped_outcomes(course, exercise, other, "request 1"));
  EXPECT_FALSE(shipped_outcomes(course, exercise, test, "request 1", "forgets-square-root"));
}

TEST_F(ShippedOutcomes, AKnownWrongVariantHasItsOwnRecord) {
  ship(shipped_record("", test.name, "request", outcomes) +
       shipped_record("forgets-square-root", test.name, "request", {{Value(25.0)}}));
  const auto variant = shipped_outcomes(course, exercise, test, "request", "forgets-square-root");
  ASSERT_TRUE(variant.has_value());
  ASSERT_EQ(variant->size(), 1u);
  EXPECT_EQ((*variant)[0].value(), Value(25.0));
  EXPECT_EQ(shipped_outcomes(course, exercise, test, "request")->size(), 3u);
}

TEST_F(ShippedOutcomes, AnAnswerMayHoldAnyText) {
  const std::vector<Outcome> text{{Value("done\n")}, {Thrown{"std::runtime_error", "test 1:a done\n"}}};
  ship(shipped_record("", test.name, "request", text) + shipped_record("", "next", "request", outcomes));
  const auto read = shipped_outcomes(course, exercise, test, "request");
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].value(), Value("done\n"));
  EXPECT_EQ((*read)[1].thrown().what, "test 1:a done\n");
}

TEST_F(ShippedOutcomes, NoFileMeansNothingShipped) {
  EXPECT_FALSE(shipped_outcomes(course, exercise, test, "request"));
}

TEST_F(ShippedOutcomes, DamagedDataIsACourseErrorNamingTheFile) {
  const std::string record = shipped_record("", test.name, "request", outcomes);
  const std::string file = (course.expected_dir() / "01-vector-norms" / "norms.expected").string();
  for (const std::string& damaged : {
           "tset" + record.substr(4),                 // not a record
           record.substr(0, record.size() - 5),       // cut before its end
           record.substr(0, record.find('\n') + 1) +  // an answer garbled
               "answer garbage\n" + "done\n",
           std::string("test 0: 999:cut short"),  // a name longer than the file
       }) {
    ship(damaged);
    try {
      shipped_outcomes(course, exercise, test, "request");
      ADD_FAILURE() << "damaged data was read:\n" << damaged;
    } catch (const CourseError& e) {
      EXPECT_NE(std::string(e.what()).find(file + ": damaged expected data"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace mathlings
