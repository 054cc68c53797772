// Reading numbers out of Values, as figures and statistical checks do.
#include "model/value_numbers.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"

namespace mathlings {
namespace {

TEST(ValueNumbers, ReadsRealsIntegersAndBools) {
  EXPECT_EQ(number_in(Value(2.5)), 2.5);
  EXPECT_EQ(number_in(Value(std::int64_t{3})), 3);
  EXPECT_EQ(number_in(Value(true)), 1);
  try {
    number_in(Value("three"));
    FAIL() << "a string is not a number";
  } catch (const CourseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("expected a number, got ", 0), 0u) << e.what();
  }
}

TEST(ValueNumbers, VectorsMatricesListsAndLoneNumbers) {
  EXPECT_EQ(numbers_in(Value(std::vector<double>{1, 2})), (std::vector<double>{1, 2}));
  EXPECT_EQ(numbers_in(Value(Matrix{2, 2, {1, 2, 3, 4}})), (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(numbers_in(Value(List{Value(std::int64_t{1}), Value(0.5)})), (std::vector<double>{1, 0.5}));
  EXPECT_EQ(numbers_in(Value(7.0)), (std::vector<double>{7}));
  EXPECT_THROW(numbers_in(Value(List{Value("x")})), CourseError);
}

}  // namespace
}  // namespace mathlings
