#include "course_call.hpp"

#include <algorithm>

#include "errors.hpp"
#include "generators.hpp"

namespace mathlings {

namespace {

/// The exercise with this function, and the call as a one-case test.
std::pair<const Exercise*, TestSpec> call_of(const Course& course, const std::string& function, const List& arguments) {
  for (const auto* exercise : course.exercises()) {
    const auto& functions = exercise->spec.functions;
    if (std::find(functions.begin(), functions.end(), function) == functions.end()) continue;
    TestSpec call;
    call.name = "figure";
    call.function = function;
    call.cases = {arguments};
    return {exercise, call};
  }
  throw CourseError("no exercise of the course has a function " + function);
}

}  // namespace

CourseCall reference_caller(const Course& course, Grader& grader, CallObserver observer) {
  return [&course, &grader, observer](const std::string& function, const List& arguments) -> Value {
    const auto [exercise, call] = call_of(course, function, arguments);
    const std::string request = encode_test_request(call, cases_of(call));
    const auto outcomes = grader.reference_outcomes(*exercise, call, request);
    if (observer) observer(*exercise, call, request, outcomes);
    if (outcomes.empty() || outcomes.front().threw()) {
      throw CourseError(function + " did not return a value" +
                        (outcomes.empty() ? "" : ": it threw " + outcomes.front().thrown().type));
    }
    return outcomes.front().value();
  };
}

LearnerCall learner_caller(const Course& course, Grader& grader) {
  return [&course, &grader](const std::string& function, const List& arguments) -> std::optional<Value> {
    const auto [exercise, call] = call_of(course, function, arguments);
    const auto outcomes = grader.learner_outcomes(*exercise, course.exercises_dir() / exercise->relative_file(), call,
                                                  encode_test_request(call, cases_of(call)));
    if (!outcomes || outcomes->empty() || outcomes->front().threw()) return std::nullopt;
    return outcomes->front().value();
  };
}

}  // namespace mathlings
