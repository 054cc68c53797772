// How the grader passes lesson 07's types to and from exercise functions:
// EigenPair and PrincipalComponents as structs.
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

template <>
struct Codec<PrincipalComponents> {
  static Value to(const PrincipalComponents& p) {
    return make_record({"mean", "components", "explained_variance", "explained_variance_ratio", "scores"},
                       {Codec<Eigen::VectorXd>::to(p.mean), Codec<Eigen::MatrixXd>::to(p.components),
                        Codec<Eigen::VectorXd>::to(p.explained_variance),
                        Codec<Eigen::VectorXd>::to(p.explained_variance_ratio), Codec<Eigen::MatrixXd>::to(p.scores)});
  }
};

}  // namespace mathlings::harness
