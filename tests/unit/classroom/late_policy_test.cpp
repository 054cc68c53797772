// Late penalties to the minute: the grace period, a day begun, the cap, an
// extension, and the same instant written in another offset.
#include "classroom/late_policy.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace mathlings {
namespace {

Moment at(const std::string& text) {
  const auto moment = parse_moment(text);
  if (!moment) throw std::runtime_error("not a moment: " + text);
  return *moment;
}

Assignment policy() {
  Assignment a;
  a.id = "linear-algebra";
  a.due = at("2026-10-05T23:59+02:00");
  a.grace_minutes = 15;
  a.penalty_per_day = 0.1;
  a.penalty_cap = 0.5;
  a.extensions["alice"] = at("2026-10-08T23:59+02:00");
  return a;
}

TEST(LatePolicy, WithinTheGracePeriodIsOnTime) {
  for (const char* handed_in :
       {"2026-10-05T12:00+02:00", "2026-10-05T23:59+02:00", "2026-10-06T00:14+02:00", "2026-10-05T22:14Z"}) {
    const Lateness late = lateness(policy(), "bob", at(handed_in));
    EXPECT_EQ(late.minutes_late, 0) << handed_in;
    EXPECT_EQ(late.penalty, 0) << handed_in;
  }
}

TEST(LatePolicy, AfterTheGraceEachDayBegunCostsItsShareUpToTheCap) {
  struct Case {
    const char* handed_in;
    std::int64_t minutes;
    std::int64_t days;
    double penalty;
  };
  for (const Case& c : {Case{"2026-10-06T00:14:01+02:00", 16, 1, 0.1},  // a second past the grace
                        Case{"2026-10-06T00:15+02:00", 16, 1, 0.1}, Case{"2026-10-06T23:59+02:00", 24 * 60, 1, 0.1},
                        Case{"2026-10-07T00:00+02:00", 24 * 60 + 1, 2, 0.2},
                        Case{"2026-10-06T22:00Z", 24 * 60 + 1, 2, 0.2},       // the same instant, in UTC
                        Case{"2026-10-08T23:59+02:00", 3 * 24 * 60, 3, 0.3},  // 0.3 exactly
                        Case{"2026-10-10T23:59+02:00", 5 * 24 * 60, 5, 0.5},
                        Case{"2026-10-25T09:00+01:00", 19 * 24 * 60 + 9 * 60 + 1 + 60, 20, 0.5}}) {
    const Lateness late = lateness(policy(), "bob", at(c.handed_in));
    EXPECT_EQ(late.minutes_late, c.minutes) << c.handed_in;
    EXPECT_EQ(late.days_late, c.days) << c.handed_in;
    EXPECT_EQ(late.penalty, c.penalty) << c.handed_in;
    EXPECT_FALSE(late.extended);
  }
}

TEST(LatePolicy, TimesFarApartNeitherOverflowNorGiveBackPoints) {
  Moment far = at("2026-10-06T00:00+02:00");
  far.epoch_seconds = std::numeric_limits<std::int64_t>::max() / 2;
  const Lateness late = lateness(policy(), "bob", far);
  EXPECT_GT(late.days_late, 0);
  EXPECT_EQ(late.penalty, 0.5);  // the cap, never more, never a bonus
  EXPECT_EQ(lateness(policy(), "bob", Moment{std::numeric_limits<std::int64_t>::min() / 2, 0}).penalty, 0);
}

TEST(LatePolicy, AnExtensionMovesTheDueTimeAndTheGraceWithIt) {
  Lateness late = lateness(policy(), "alice", at("2026-10-08T23:00+02:00"));
  EXPECT_TRUE(late.extended);
  EXPECT_EQ(late.due, at("2026-10-08T23:59+02:00"));
  EXPECT_EQ(late.penalty, 0);
  late = lateness(policy(), "alice", at("2026-10-09T00:20+02:00"));
  EXPECT_EQ(late.minutes_late, 21);
  EXPECT_DOUBLE_EQ(late.penalty, 0.1);
}

}  // namespace
}  // namespace mathlings
