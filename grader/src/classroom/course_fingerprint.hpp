// What in a course a grade depends on, as hashes: a result is kept only as
// long as they are the same.
//
// An exercise's fingerprint covers what can change its grade: the grader's
// version, its own spec and reference solution, and everything no exercise
// owns (course.yaml, the headers, the lessons' prebuilt and codec headers,
// misconception files, a student pack's expected outcomes). The course's
// fingerprint — of the whole course or of an assignment's part — covers its
// exercises' fingerprints: a spec fixed in another assignment changes
// nothing here. After a spec is fixed, only the exercises whose fingerprint
// changed need grading again.
#pragma once

#include <map>
#include <string>

#include "model/course.hpp"

namespace mathlings {

std::string course_fingerprint(const Course& course);

/// Each exercise's fingerprint, by id.
std::map<std::string, std::string> exercise_fingerprints(const Course& course);

}  // namespace mathlings
