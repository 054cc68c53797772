// Naming a learner's mistake: their wrong answers matched against a known
// wrong variant's.
#include "judge/misconceptions.hpp"

#include <gtest/gtest.h>

namespace mathlings {
namespace {

using protocol::Outcome;

Outcome value(double d) {
  return Outcome{Value(d)};
}
Outcome thrown(const char* type) {
  return Outcome{protocol::Thrown{type, "why"}};
}

class VariantMatching : public ::testing::Test {
 protected:
  TestSpec test;
  std::vector<List> args{List{Value(1.0)}, List{Value(2.0)}, List{Value(3.0)}};
  std::vector<Outcome> expected{value(1), value(-1), thrown("std::invalid_argument")};
};

TEST_F(VariantMatching, AgreesWhereverTheLearnerIsWrong) {
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1), value(7)}));
  // Right where the variant is wrong does not matter; wrong elsewhere must agree.
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1), thrown("std::invalid_argument")}));
}

TEST_F(VariantMatching, ADifferentWrongAnswerIsNotThatMistake) {
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(2), value(7)}));
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(1), thrown("std::domain_error")}));
}

TEST_F(VariantMatching, NothingWrongOrNothingToCompareIsNoMatch) {
  EXPECT_FALSE(matches_variant(test, args, expected, {value(1), value(1), value(7)}, expected));
  EXPECT_FALSE(matches_variant(test, args, expected, {}, {value(1), value(1), value(7)}));  // the variant failed
}

TEST_F(VariantMatching, TheTestsToleranceDecidesAgreement) {
  test.tolerance = {1e-6, 0};
  const std::vector<Outcome> variant{value(1), value(1), value(7)};
  EXPECT_TRUE(matches_variant(test, args, expected, variant, {value(1), value(1 + 1e-9), value(7)}));
  EXPECT_FALSE(matches_variant(test, args, expected, variant, {value(1), value(1.1), value(7)}));
}

}  // namespace
}  // namespace mathlings
