// How the grader passes lesson 04's types to and from exercise functions:
// Summary, TestResult and Regression as structs, Tail by its name.
#pragma once

#include <mathlings/statistics.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<Tail> {
  static Value to(Tail t) { return t == Tail::two_sided ? "two_sided" : t == Tail::less ? "less" : "greater"; }
  static Tail from(const Value& v) {
    const std::string name = Codec<std::string>::from(v);
    if (name == "two_sided") return Tail::two_sided;
    if (name == "less") return Tail::less;
    if (name == "greater") return Tail::greater;
    throw ArgumentError("no Tail named " + name + " (two_sided, less, greater)");
  }
};

template <>
struct Codec<Summary> {
  static Value to(const Summary& s) {
    return make_record({"mean", "median", "variance", "stddev", "min", "max"},
                       {s.mean, s.median, s.variance, s.stddev, s.min, s.max});
  }
};

template <>
struct Codec<TestResult> {
  static Value to(const TestResult& r) {
    return make_record({"statistic", "df", "p_value"}, {r.statistic, r.df, r.p_value});
  }
};

template <>
struct Codec<Regression> {
  static Value to(const Regression& r) {
    return make_record(
        {"beta", "std_error", "t_stat", "p_value", "residual_sd", "r_squared"},
        {Codec<Eigen::VectorXd>::to(r.beta), Codec<Eigen::VectorXd>::to(r.std_error),
         Codec<Eigen::VectorXd>::to(r.t_stat), Codec<Eigen::VectorXd>::to(r.p_value), r.residual_sd, r.r_squared});
  }
};

}  // namespace mathlings::harness
