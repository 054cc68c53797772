// How the grader passes lesson 03's GaussianNaiveBayes to and from exercise
// functions: as a struct with its four fields.
#pragma once

#include <mathlings/probability.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<GaussianNaiveBayes> {
  static Value to(const GaussianNaiveBayes& m) {
    return make_record({"classes", "log_priors", "means", "variances"},
                       {Codec<std::vector<int>>::to(m.classes), Codec<Eigen::VectorXd>::to(m.log_priors),
                        Codec<Eigen::MatrixXd>::to(m.means), Codec<Eigen::MatrixXd>::to(m.variances)});
  }
  static GaussianNaiveBayes from(const Value& v) {
    return {record_field<std::vector<int>>(v, "classes"), record_field<Eigen::VectorXd>(v, "log_priors"),
            record_field<Eigen::MatrixXd>(v, "means"), record_field<Eigen::MatrixXd>(v, "variances")};
  }
};

}  // namespace mathlings::harness
