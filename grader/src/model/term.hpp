// A course run as a term: its assignments, from term.yaml beside course.yaml
// (optional: without it, a batch grades the whole course as one piece).
//
//   assignments:
//     - id: linear-algebra                # a word: letters, digits, - and _
//       title: Linear algebra             # what an LMS column shows
//       exercises: [01-linear-algebra/elimination, 01-linear-algebra/row_echelon]
//       due: 2026-10-05T23:59+02:00       # ISO 8601 with its offset (or Z)
//       grace_minutes: 15                 # handed in this late is on time
//       penalty_per_day: 0.1              # of the points, per day or part of one late
//       penalty_cap: 0.5                  # never more than this
//       extensions:                       # a student's own due time
//         alice: 2026-10-08T23:59+02:00
//       canvas_id: 4711                   # optional: the Canvas assignment an export updates
//
// Every error names term.yaml, its line and the field (base/yaml_reader).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mathlings {

struct Course;

/// A moment, as seconds since 1970-01-01T00:00Z, and the offset it was written with.
struct Moment {
  std::int64_t epoch_seconds = 0;
  int offset_minutes = 0;  ///< east of UTC, as written (+02:00 is 120)
  bool operator==(const Moment&) const = default;
};

/// "2026-10-05T23:59+02:00", "2026-10-05T21:59:30Z"; nothing when it is not
/// such a moment (an offset is required: a due time means one instant).
std::optional<Moment> parse_moment(const std::string& text);
/// `moment` written back with its own offset: "2026-10-05T23:59:00+02:00".
std::string format_moment(const Moment& moment);

struct Assignment {
  std::string id, title;
  std::vector<std::string> exercises;  ///< exercise ids, as term.yaml lists them
  Moment due;
  int grace_minutes = 0;
  double penalty_per_day = 0;                ///< fraction of the points
  double penalty_cap = 1;                    ///< fraction of the points
  std::map<std::string, Moment> extensions;  ///< by student
  std::string canvas_id;  ///< the Canvas assignment's id, for an export that updates it; "" when none
};

struct Term {
  std::vector<Assignment> assignments;
  const Assignment* find(const std::string& id) const;
};

/// The course as one assignment sees it: only `exercises`, in their lessons
/// (a lesson with none of them left out). Everything a batch writes of it —
/// gradebook columns, feedback, scores out of — is the assignment's. Files
/// are found and graded against the whole course all the same, so that a
/// verdict never depends on which assignment asked for it.
std::unique_ptr<Course> course_part(const Course& course, const std::vector<std::string>& exercises);

/// The course's term.yaml, checked against the course (every exercise
/// exists, ids unique, penalties within 0..1); nothing when there is none.
/// Throws CourseError naming the file, line and field.
std::optional<Term> load_term(const Course& course);

}  // namespace mathlings
