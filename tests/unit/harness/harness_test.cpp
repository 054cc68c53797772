// The runner-side bindings, exercised in-process with stand-in functions.
#include <gtest/gtest.h>

#include <stdexcept>

namespace mathlings {
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings

#include "mathlings_harness/bind.hpp"

namespace mathlings {
namespace {

using harness::bind_function;

Eigen::VectorXd scale(const Eigen::MatrixXd& a, double s) {
  return a.col(0) * s;
}
int count_true(const std::vector<bool>& xs) {
  int n = 0;
  for (bool x : xs) n += x;
  return n;
}
Eigen::Vector2d stub(double) {
  throw not_implemented();
}

/// A generator a function advances, as lesson 05's functions take their Random&.
struct Counter {
  int next = 0;
};
int draw_twice(Counter& counter, std::vector<double> moved, const std::vector<double>& kept) {
  counter.next += 2;
  return counter.next * 100 + static_cast<int>(moved.size() * 10 + kept.size());
}

}  // namespace

namespace harness {
template <>
struct Codec<Counter> {
  static Counter from(const Value& v) { return Counter{static_cast<int>(integer_from(v))}; }
};
}  // namespace harness

namespace {

TEST(Harness, ANonConstReferenceParameterBindsToItsConvertedArgument) {
  // Counter 5 advanced by 2 → 7; a vector of 3 by value, one of 1 by const reference.
  EXPECT_EQ(bind_function(&draw_twice)(
                List{Value(std::int64_t{5}), Value(std::vector<double>{1, 2, 3}), Value(std::vector<double>{4})}),
            Value(std::int64_t{731}));
  EXPECT_THROW(bind_function(&draw_twice)(List{Value("five"), Value(std::vector<double>{}), Value(1.0)}),
               harness::ArgumentError);
}

TEST(Harness, ConvertsArgumentsAndResultsByTheirCppTypes) {
  const auto f = bind_function(&scale);
  const Value result = f(List{Value(List{List{1, 2}, List{3.5, 4}}), Value(2)});
  EXPECT_EQ(result, Value(std::vector<double>{2, 7}));
  EXPECT_EQ(bind_function(&count_true)(List{Value(List{true, false, true})}), Value(std::int64_t{2}));
}

TEST(Harness, ArgumentsThatDoNotFitAreTheCoursesFault) {
  EXPECT_THROW(bind_function(&scale)(List{Value(1.0)}), harness::ArgumentError);
  EXPECT_THROW(bind_function(&scale)(List{Value("text"), Value(1.0)}), harness::ArgumentError);
  EXPECT_THROW(bind_function(&scale)(List{Value(List{List{1, 2}, List{3}}), Value(1.0)}), harness::ArgumentError);
}

TEST(Harness, ExceptionsAreClassifiedByTheirMostSpecificType) {
  const auto classify = [](auto thrower) {
    try {
      thrower();
    } catch (...) {
      return harness::classify_exception<not_implemented>(std::current_exception()).type;
    }
    return std::string("nothing thrown");
  };
  EXPECT_EQ(classify([] { bind_function (&stub)(List{Value(1.0)}); }), "mathlings::not_implemented");
  EXPECT_EQ(classify([] { throw std::domain_error("singular"); }), "std::domain_error");
  EXPECT_EQ(classify([] { throw std::invalid_argument("size"); }), "std::invalid_argument");
  EXPECT_EQ(classify([] { throw std::bad_alloc(); }), "std::bad_alloc");
  EXPECT_EQ(classify([] { throw 42; }), "a value that is not a std::exception");
}

}  // namespace

namespace harness {
// The runner's type_name lives in the runner library; tests link the grader only.
std::string type_name(const std::type_info& type) {
  return type.name();
}
}  // namespace harness
}  // namespace mathlings
