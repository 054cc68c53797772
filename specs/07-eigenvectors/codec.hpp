// How the grader passes lesson 07's types to and from exercise functions:
// EigenPair as a struct.
#pragma once

#include <mathlings/eigenvectors.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<EigenPair> {
  static Value to(const EigenPair& p) {
    return make_record({"value", "vector", "iterations"},
                       {p.value, Codec<Eigen::VectorXd>::to(p.vector), static_cast<double>(p.iterations)});
  }
};

}  // namespace mathlings::harness
