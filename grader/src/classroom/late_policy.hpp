// How late a hand-in is, and what that costs, under an assignment's policy
// (model/term.hpp).
//
// The due time is the student's extension if they have one, else the
// assignment's. Handed in by the due time plus the grace period, it is on
// time. After that it is late by the time since the due time, and each day or
// part of one costs penalty_per_day of the points, never more than
// penalty_cap. Times are compared as instants, to the second; minutes_late
// is rounded up (30 s late is a minute late).
#pragma once

#include <cstdint>
#include <string>

#include "model/term.hpp"

namespace mathlings {

struct Lateness {
  Moment due;  ///< the student's due time
  bool extended = false;
  std::int64_t minutes_late = 0;  ///< 0: on time (within the grace period too)
  std::int64_t days_late = 0;     ///< a day begun counts
  double penalty = 0;             ///< fraction of the points taken off
};

/// The student's due time: their extension, else the assignment's.
Moment due_for(const Assignment& assignment, const std::string& student);

Lateness lateness(const Assignment& assignment, const std::string& student, const Moment& handed_in);

/// `moment` written with the offset the student's due time was written
/// with, so that the two read alike: "2026-10-06T01:15:30+02:00".
std::string written_as_due(const Moment& moment, const Moment& due);

/// How late, for people: "40 min", "1 h 15 min", "2 days 3 h".
std::string format_delay(std::int64_t minutes);

}  // namespace mathlings
