// How the grader passes lesson 05's types to and from exercise functions:
// Tail and Adjustment by their names, the course's Random by its seed (a
// fresh generator for each call, so that a call draws the same numbers
// however often it is made), an Interval as a struct.
#pragma once

#include <mathlings/p_values.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<Tail> {
  static Tail from(const Value& v) {
    const std::string name = Codec<std::string>::from(v);
    if (name == "two_sided") return Tail::two_sided;
    if (name == "less") return Tail::less;
    if (name == "greater") return Tail::greater;
    throw ArgumentError("no Tail named " + name + " (two_sided, less, greater)");
  }
};

template <>
struct Codec<Adjustment> {
  static Adjustment from(const Value& v) {
    const std::string name = Codec<std::string>::from(v);
    if (name == "bonferroni") return Adjustment::bonferroni;
    if (name == "holm") return Adjustment::holm;
    if (name == "benjamini_hochberg") return Adjustment::benjamini_hochberg;
    throw ArgumentError("no Adjustment named " + name + " (bonferroni, holm, benjamini_hochberg)");
  }
};

template <>
struct Codec<Random> {
  static Random from(const Value& v) { return Random(Codec<std::uint64_t>::from(v)); }
};

template <>
struct Codec<Interval> {
  static Value to(const Interval& i) { return make_record({"lower", "upper"}, {i.lower, i.upper}); }
};

}  // namespace mathlings::harness
