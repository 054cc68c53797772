#include "judge/course_call.hpp"

#include <algorithm>

#include <boost/math/distributions/students_t.hpp>

#include "base/errors.hpp"
#include "judge/generators.hpp"

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

/// What a figure needs that no exercise computes, by the grader itself.
std::vector<Value> builtin(const std::string& function, const std::vector<List>& calls) {
  std::vector<Value> values;
  for (const auto& args : calls) {
    const auto number = [&](std::size_t k) {
      if (k >= args.size()) throw CourseError(function + " needs " + std::to_string(k + 1) + " arguments");
      if (const auto* d = std::get_if<double>(&args[k].data)) return *d;
      if (const auto* i = std::get_if<std::int64_t>(&args[k].data)) return static_cast<double>(*i);
      throw CourseError(function + ": argument " + std::to_string(k + 1) + " is not a number");
    };
    if (function == "builtin:students_t_pdf") {  // (x, degrees of freedom)
      values.emplace_back(boost::math::pdf(boost::math::students_t(number(1)), number(0)));
    } else {
      throw CourseError("no builtin " + function + " (there is builtin:students_t_pdf)");
    }
  }
  return values;
}

}  // namespace

CourseCall reference_caller(const Course& course, Grader& grader, CallObserver observer) {
  return [&course, &grader, observer](const std::string& function, const std::vector<List>& calls) {
    if (function.rfind("builtin:", 0) == 0) return builtin(function, calls);
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
    if (function.rfind("builtin:", 0) == 0) return std::nullopt;  // nothing of the learner's
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
