#include "course_call.hpp"

#include <algorithm>

#include "errors.hpp"
#include "generators.hpp"

namespace mathlings {
namespace {

/// The exercise with this function, and the calls as the cases of one test.
std::pair<const Exercise*, TestSpec> calls_of(const Course& course, const std::string& function,
                                              const std::vector<List>& calls) {
  for (const auto* exercise : course.exercises()) {
    const auto& functions = exercise->spec.functions;
    if (std::find(functions.begin(), functions.end(), function) == functions.end()) continue;
    TestSpec test;
    test.name = "figure";
    test.function = function;
    test.cases = calls;
    return {exercise, test};
  }
  throw CourseError("no exercise of the course has a function " + function);
}

}  // namespace

CourseCall reference_caller(const Course& course, Grader& grader, CallObserver observer) {
  return [&course, &grader, observer](const std::string& function, const std::vector<List>& calls) {
    const auto [exercise, test] = calls_of(course, function, calls);
    const std::string request = encode_test_request(test, cases_of(test));
    const auto outcomes = grader.reference_outcomes(*exercise, test, request);
    if (observer) observer(*exercise, test, request, outcomes);
    std::vector<Value> values;
    for (const auto& outcome : outcomes) {
      if (outcome.threw()) throw CourseError(function + " threw " + outcome.thrown().type + " for a figure");
      values.push_back(outcome.value());
    }
    return values;
  };
}

LearnerCall learner_caller(const Course& course, Grader& grader) {
  return [&course, &grader](const std::string& function,
                            const std::vector<List>& calls) -> std::optional<std::vector<Value>> {
    const auto [exercise, test] = calls_of(course, function, calls);
    const auto outcomes = grader.learner_outcomes(*exercise, course.exercises_dir() / exercise->relative_file(), test,
                                                  encode_test_request(test, cases_of(test)));
    if (!outcomes || outcomes->size() != calls.size()) return std::nullopt;
    std::vector<Value> values;
    for (const auto& outcome : *outcomes) {
      if (outcome.threw()) return std::nullopt;
      values.push_back(outcome.value());
    }
    return values;
  };
}

}  // namespace mathlings
