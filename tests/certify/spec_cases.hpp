// The cases of an exercise's spec, as the grader grades them, for the tests
// that certify a lesson's references against an independent computation:
// every literal case and every generated one (drawn exactly as the grader
// draws them) that expects an answer, with its certified value if it has one.
#pragma once

#include <Eigen/Core>
#include <stdexcept>
#include <string>
#include <vector>

#include "judge/generators.hpp"
#include "model/spec.hpp"

namespace mathlings {

inline double number_of(const Value& value) {
  return value.is<double>() ? value.as<double>() : static_cast<double>(value.as<std::int64_t>());
}

/// A spec's literal vector (numbers, whole or not) or a generated one.
inline Eigen::VectorXd vector_of(const Value& value) {
  if (value.is<std::vector<double>>()) {
    const auto& v = value.as<std::vector<double>>();
    return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
  }
  const List& items = value.as<List>();
  Eigen::VectorXd out(static_cast<Eigen::Index>(items.size()));
  for (std::size_t i = 0; i < items.size(); ++i) out(static_cast<Eigen::Index>(i)) = number_of(items[i]);
  return out;
}

/// A generated matrix, or a spec's literal one: a list of rows.
inline Eigen::MatrixXd matrix_of(const Value& value) {
  if (value.is<Matrix>()) {
    const Matrix& m = value.as<Matrix>();
    Eigen::MatrixXd out(m.rows, m.cols);
    for (std::size_t r = 0; r < m.rows; ++r)
      for (std::size_t c = 0; c < m.cols; ++c) out(r, c) = m.at(r, c);
    return out;
  }
  const List& rows = value.as<List>();
  Eigen::MatrixXd out(rows.size(), vector_of(rows.front()).size());
  for (std::size_t r = 0; r < rows.size(); ++r) out.row(static_cast<Eigen::Index>(r)) = vector_of(rows[r]);
  return out;
}

inline const Value& field_of(const Value& record, const std::string& name) {
  const Record& r = record.as<Record>();
  for (std::size_t k = 0; k < r.names.size(); ++k)
    if (r.names[k] == name) return r.values[k];
  throw std::runtime_error("no field " + name);
}

/// Each case of each test of a spec that expects an answer (not an exception),
/// with the certified value given for it, if any (a pointer into `spec`,
/// which must outlive the cases).
struct GradedCase {
  std::string label;
  List args;
  const CertifiedValue* certified = nullptr;
};

inline std::vector<GradedCase> answered_cases(const ExerciseSpec& spec) {
  std::vector<GradedCase> out;
  for (const TestSpec& test : spec.tests) {
    if (test.expect) continue;
    const std::vector<Case> cases = cases_of(test);
    for (std::size_t k = 0; k < cases.size(); ++k) {
      GradedCase graded{test.name + " #" + std::to_string(k + 1) + " " + cases[k].label, cases[k].args, nullptr};
      for (const CertifiedValue& c : test.certified)
        if (c.case_index == k) graded.certified = &c;
      out.push_back(std::move(graded));
    }
  }
  return out;
}

}  // namespace mathlings
