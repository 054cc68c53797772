#include "course_call.hpp"

#include <algorithm>

#include "errors.hpp"
#include "generators.hpp"

namespace mathlings {

CourseCall reference_caller(const Course& course, Grader& grader, CallObserver observer) {
  return [&course, &grader, observer](const std::string& function, const List& arguments) -> Value {
    for (const auto* exercise : course.exercises()) {
      const auto& functions = exercise->spec.functions;
      if (std::find(functions.begin(), functions.end(), function) == functions.end()) continue;
      TestSpec call;
      call.name = "figure";
      call.function = function;
      call.cases = {arguments};
      const std::string request = encode_test_request(call, cases_of(call));
      const auto outcomes = grader.reference_outcomes(*exercise, call, request);
      if (observer) observer(*exercise, call, request, outcomes);
      if (outcomes.empty() || outcomes.front().threw()) {
        throw CourseError(function + " did not return a value" +
                          (outcomes.empty() ? "" : ": it threw " + outcomes.front().thrown().type));
      }
      return outcomes.front().value();
    }
    throw CourseError("no exercise of the course has a function " + function);
  };
}

}  // namespace mathlings
