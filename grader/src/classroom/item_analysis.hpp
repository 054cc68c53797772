// Item analysis of a class's results, as Moodle's quiz statistics define it:
// for each exercise and each of its tests (an "item"),
//
//   facility        the mean score over the maximum: 1 everyone scores it
//                   all, 0 nobody scores anything;
//   discrimination  the correlation (Pearson's r) between the item's score
//                   and the rest of the student's score (their total less
//                   the item): do students who do well elsewhere do well
//                   here? Undefined when the item's scores or the rests do
//                   not vary.
//
// An item nobody scores on, or whose discrimination is negative (the
// better students do worse on it: a test that checks the wrong thing?) or
// weak (below 0.2, from 5 students up), is flagged for the course's author.
// Only graded students count; scores are as graded, before late penalties.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "classroom/gradebook.hpp"

namespace mathlings {

struct ItemStatistics {
  std::string exercise;
  std::string test;  ///< empty: the exercise as a whole
  double max_score = 0;
  std::size_t students = 0;
  double facility = 0;
  std::optional<double> discrimination;
  std::string flag;  ///< why the author should look at it; empty when nothing stands out
};

/// The exercises' and tests' statistics, each exercise followed by its
/// tests, in the order the results hold them.
std::vector<ItemStatistics> item_statistics(const std::vector<StudentRow>& rows);

/// Pearson's correlation of two equally long series; none when either does not vary.
std::optional<double> correlation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace mathlings
