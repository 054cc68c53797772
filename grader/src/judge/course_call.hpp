// Calling one of the course's functions outside a test, for the book's
// figures: the reference solution answers, as it does for a test (through
// Grader::reference_outcomes, so a student pack answers from shipped data).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "judge/grading.hpp"
#include "model/figures.hpp"

namespace mathlings {

/// Told of every call made, with its request: to ship the answers in a pack.
using CallObserver = std::function<void(const Exercise& exercise, const TestSpec& call, const std::string& request,
                                        const std::vector<protocol::Outcome>& outcomes)>;

/// A CourseCall answered by the reference solutions; the call is the test
/// "figure" of the exercise that has the function.
CourseCall reference_caller(const Course& course, Grader& grader, CallObserver observer = {});

/// A LearnerCall answered by the learner's file in exercises/ (sandboxed, as
/// in a test); nullopt where it throws, crashes or does not build.
LearnerCall learner_caller(const Course& course, Grader& grader);

}  // namespace mathlings
