#include "classroom/late_policy.hpp"

#include <algorithm>
#include <cmath>

namespace mathlings {

Lateness lateness(const Assignment& assignment, const std::string& student, const Moment& handed_in) {
  Lateness late;
  const auto extension = assignment.extensions.find(student);
  late.extended = extension != assignment.extensions.end();
  late.due = late.extended ? extension->second : assignment.due;
  const std::int64_t after_due = handed_in.epoch_seconds - late.due.epoch_seconds;
  if (after_due <= static_cast<std::int64_t>(assignment.grace_minutes) * 60) return late;
  constexpr std::int64_t minute = 60, day = 24 * 60 * minute;
  late.minutes_late = (after_due + minute - 1) / minute;
  late.days_late = static_cast<int>((after_due + day - 1) / day);
  // Rounded to a millionth: 3 × 0.1 is 0.3, not 0.30000000000000004.
  late.penalty = std::min(assignment.penalty_cap, std::round(late.days_late * assignment.penalty_per_day * 1e6) / 1e6);
  return late;
}

}  // namespace mathlings
