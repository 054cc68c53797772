#include "classroom/late_policy.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace mathlings {

Moment due_for(const Assignment& assignment, const std::string& student) {
  const auto extension = assignment.extensions.find(student);
  return extension != assignment.extensions.end() ? extension->second : assignment.due;
}

Lateness lateness(const Assignment& assignment, const std::string& student, const Moment& handed_in) {
  Lateness late;
  late.extended = assignment.extensions.count(student) > 0;
  late.due = due_for(assignment, student);
  const std::int64_t after_due = handed_in.epoch_seconds - late.due.epoch_seconds;
  if (after_due <= static_cast<std::int64_t>(assignment.grace_minutes) * 60) return late;
  constexpr std::int64_t minute = 60, day = 24 * 60 * minute;
  // Rounded up, without overflow however far apart the times are.
  late.minutes_late = after_due / minute + (after_due % minute != 0);
  late.days_late = after_due / day + (after_due % day != 0);
  // Rounded to a millionth: 3 × 0.1 is 0.3, not 0.30000000000000004.
  late.penalty = std::clamp(std::round(static_cast<double>(late.days_late) * assignment.penalty_per_day * 1e6) / 1e6,
                            0.0, assignment.penalty_cap);
  return late;
}

std::string written_as_due(const Moment& moment, const Moment& due) {
  return format_moment({.epoch_seconds = moment.epoch_seconds, .offset_minutes = due.offset_minutes});
}

std::string format_delay(std::int64_t minutes) {
  const std::int64_t days = minutes / (24 * 60), hours = minutes / 60 % 24, rest = minutes % 60;
  const auto part = [](std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (days > 0) return part(days, "day", "days") + (hours > 0 ? " " + std::to_string(hours) + " h" : "");
  if (hours > 0) return std::to_string(hours) + " h" + (rest > 0 ? " " + std::to_string(rest) + " min" : "");
  return std::to_string(rest) + " min";
}

}  // namespace mathlings
