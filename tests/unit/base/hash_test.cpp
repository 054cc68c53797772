// Cache keys: the same content always gives the same key, and different
// content (or the same bytes split into other fields) a different one.
#include "base/hash.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace mathlings {
namespace {

TEST(Hash, IsThirtyTwoHexDigitsAndDependsOnlyOnTheContent) {
  const std::string key = Hasher().add("solve_by_elimination").hex();
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos) << key;
  EXPECT_EQ(Hasher().add("solve_by_elimination").hex(), key);
  EXPECT_EQ(Hasher().add("solve_by_").add("elimination").hex(), key);  // fed in pieces, the same
}

TEST(Hash, TheFirstLaneIsFnv1a) {
  // The published 64-bit FNV-1a values: the offset basis for nothing, and "a".
  EXPECT_EQ(Hasher().hex().substr(0, 16), "cbf29ce484222325");
  EXPECT_EQ(Hasher().add("a").hex().substr(0, 16), "af63dc4c8601ec8c");
}

TEST(Hash, FieldsKeepTheirBoundaries) {
  EXPECT_NE(Hasher().field("ab").field("c").hex(), Hasher().field("a").field("bc").hex());
  EXPECT_NE(Hasher().field("abc").hex(), Hasher().add("abc").hex());
}

TEST(Hash, NearbyContentGivesDistinctKeys) {
  std::set<std::string> keys;
  for (int k = 0; k < 1000; ++k) keys.insert(Hasher().add("test " + std::to_string(k)).hex());
  keys.insert(Hasher().add("").hex());
  keys.insert(Hasher().add(std::string(1, '\0')).hex());
  EXPECT_EQ(keys.size(), 1002u);
}

}  // namespace
}  // namespace mathlings
