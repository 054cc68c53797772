// Item analysis against a hand computation: four students, two exercises,
// three tests; and the flags an author is shown.
#include "classroom/item_analysis.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mathlings {
namespace {

ExerciseResult exercise(const std::string& id,
                        const std::vector<std::pair<std::string, std::pair<double, double>>>& tests) {
  ExerciseResult e;
  e.id = id;
  for (const auto& [name, score] : tests) {
    e.tests.push_back({.name = name,
                       .status = score.first == score.second ? TestStatus::passed : TestStatus::failed,
                       .score = score.first,
                       .max_score = score.second,
                       .message = "",
                       .hidden = false,
                       .misconception = ""});
    e.score += score.first;
    e.max_score += score.second;
  }
  return e;
}

StudentRow student(const std::string& name, double t1, double t2, double f) {
  StudentRow row;
  row.student = name;
  row.result.exercises = {exercise("e", {{"t1", {t1, 2}}, {"t2", {t2, 1}}}), exercise("f", {{"u", {f, 3}}})};
  return row;
}

const ItemStatistics& find(const std::vector<ItemStatistics>& items, const std::string& exercise,
                           const std::string& test) {
  for (const auto& i : items)
    if (i.exercise == exercise && i.test == test) return i;
  throw std::runtime_error("no item " + exercise + "/" + test);
}

TEST(ItemAnalysis, FacilityAndDiscriminationAreThoseOfAHandComputation) {
  // Totals: a 6, b 3, c 3, d 0.
  StudentRow missing;
  missing.student = "zoe";
  missing.status = "missing";  // not graded: not counted
  const auto items = item_statistics(
      {student("a", 2, 1, 3), student("b", 2, 0, 1), student("c", 0, 1, 2), student("d", 0, 0, 0), missing});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].exercise, "e");  // each exercise, then its tests
  EXPECT_EQ(items[0].test, "");
  EXPECT_EQ(items[1].test, "t1");
  for (const auto& i : items) {
    EXPECT_EQ(i.students, 4u);
    EXPECT_DOUBLE_EQ(i.facility, 0.5) << i.exercise << "/" << i.test;
  }
  // t1: scores (2,2,0,0), rests (4,1,3,0): r = 2 / √(4·10).
  EXPECT_NEAR(*find(items, "e", "t1").discrimination, 2 / std::sqrt(40.0), 1e-12);
  // t2: scores (1,0,1,0), rests (5,3,2,0): r = 2 / √(1·13).
  EXPECT_NEAR(*find(items, "e", "t2").discrimination, 2 / std::sqrt(13.0), 1e-12);
  // e: scores (3,2,1,0), rests (3,1,2,0): r = 4 / √(5·5).
  EXPECT_NEAR(*find(items, "e", "").discrimination, 0.8, 1e-12);
  EXPECT_NEAR(*find(items, "f", "u").discrimination, 0.8, 1e-12);
  EXPECT_EQ(find(items, "e", "t1").flag, "");  // 4 students: too few to call anything weak
}

TEST(ItemAnalysis, FlagsWhatNobodyScoresOnAndWhatTheBetterStudentsDoWorseOn) {
  // t2 is scored only by the weakest (totals 5, 5, 3, 2, 1): negative.
  const auto items = item_statistics({student("a", 2, 0, 3), student("b", 2, 0, 3), student("c", 1, 0, 2),
                                      student("d", 0, 1, 1), student("e", 0, 1, 0)});
  EXPECT_LT(*find(items, "e", "t2").discrimination, 0);
  EXPECT_NE(find(items, "e", "t2").flag.find("negative discrimination"), std::string::npos);
  EXPECT_GT(*find(items, "e", "t1").discrimination, 0.2);
  EXPECT_EQ(find(items, "e", "t1").flag, "");
  // u: nobody scores on it; with no spread its discrimination is undefined, not 0.
  const auto nobody = item_statistics({student("a", 2, 1, 0), student("b", 1, 0, 0), student("c", 0, 1, 0),
                                       student("d", 2, 0, 0), student("e", 0, 0, 0)});
  EXPECT_EQ(find(nobody, "f", "u").flag, "nobody scores on it");
  EXPECT_FALSE(find(nobody, "f", "u").discrimination.has_value());
}

TEST(ItemAnalysis, CorrelationIsUndefinedWithoutSpread) {
  EXPECT_FALSE(correlation({1, 1, 1}, {1, 2, 3}).has_value());
  EXPECT_FALSE(correlation({1}, {2}).has_value());
  EXPECT_NEAR(*correlation({1, 2, 3}, {2, 4, 6}), 1, 1e-12);
  EXPECT_NEAR(*correlation({1, 2, 3}, {3, 2, 1}), -1, 1e-12);
}

}  // namespace
}  // namespace mathlings
