#include "value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mathlings {
namespace {

TEST(Value, EveryKindSurvivesTheRoundTripExactly) {
  Matrix m{2, 2, {1.0 / 3.0, -0.0, 1e-308, 1e308}};
  Record r{{"m", "cost history"}, {Value(2.5), Value(std::vector<double>{1, 0.1})}};
  const Value original(List{Value(), true, false, std::int64_t{-42}, 0.1, std::string("two words\nand a line"),
                            std::vector<double>{std::numeric_limits<double>::denorm_min(), -1.5}, m, r, List{}});
  EXPECT_EQ(decode(encode(original)), original);
}

TEST(Value, NonFiniteNumbersAreEncodedAndKept) {
  const Value v(std::vector<double>{INFINITY, -INFINITY, std::nan("")});
  const auto back = decode(encode(v)).as<std::vector<double>>();
  EXPECT_EQ(back[0], INFINITY);
  EXPECT_EQ(back[1], -INFINITY);
  EXPECT_TRUE(std::isnan(back[2]));
}

TEST(Value, MalformedDataIsRejectedNotTrusted) {
  EXPECT_THROW(decode("v 99999999999 1"), DecodeError);  // a count the data cannot hold
  EXPECT_THROW(decode("m 100000 100000 1"), DecodeError);
  EXPECT_THROW(decode("d 0x1.8p+1garbage"), DecodeError);
  EXPECT_THROW(decode("q"), DecodeError);
  EXPECT_THROW(decode("s 10:short"), DecodeError);
  EXPECT_THROW(decode("i 1 i 2"), DecodeError);  // trailing data
  EXPECT_THROW(decode(""), DecodeError);
  std::string deep;
  for (int k = 0; k < 100; ++k) deep += "l 1 ";
  EXPECT_THROW(decode(deep + "n"), DecodeError);
}

TEST(Value, ShapesAreDescribedForPeople) {
  EXPECT_EQ(describe_shape(Value(std::vector<double>{1, 2, 3})), "a vector of 3 entries");
  EXPECT_EQ(describe_shape(Value(Matrix{2, 3, std::vector<double>(6)})), "a 2×3 matrix");
}

}  // namespace
}  // namespace mathlings
