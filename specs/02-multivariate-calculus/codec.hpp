// How the grader passes lesson 02's types to and from exercise functions:
// LineFit as a struct, and functions (for numerical_gradient and
// numerical_jacobian) by name from a catalogue of test functions. The
// catalogue is no secret — the expected values are.
#pragma once

#include <cmath>
#include <map>
#include <mathlings/calculus.hpp>
#include <mathlings_harness/bind.hpp>

namespace mathlings::harness {

template <>
struct Codec<LineFit> {
  static Value to(const LineFit& f) { return make_record({"m", "c", "cost_history"}, {f.m, f.c, f.cost_history}); }
  static LineFit from(const Value& v) {
    return {record_field<double>(v, "m"), record_field<double>(v, "c"),
            record_field<std::vector<double>>(v, "cost_history")};
  }
};

using ScalarFunction = std::function<double(const Eigen::VectorXd&)>;
using VectorFunction = std::function<Eigen::VectorXd(const Eigen::VectorXd&)>;

inline const std::map<std::string, ScalarFunction>& scalar_functions() {
  static const std::map<std::string, ScalarFunction> catalogue{
      {"sphere", [](const Eigen::VectorXd& x) { return x.squaredNorm(); }},
      {"quadratic",  // Σ (i+1)·xᵢ² + Σ xᵢ·xᵢ₊₁ + Σ xᵢ
       [](const Eigen::VectorXd& x) {
         double f = 0;
         for (Eigen::Index i = 0; i < x.size(); ++i) {
           f += static_cast<double>(i + 1) * x(i) * x(i) + x(i);
           if (i + 1 < x.size()) f += x(i) * x(i + 1);
         }
         return f;
       }},
      {"rosenbrock",
       [](const Eigen::VectorXd& x) {
         double f = 0;
         for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
           f += 100 * std::pow(x(i + 1) - x(i) * x(i), 2) + std::pow(1 - x(i), 2);
         }
         return f;
       }},
      {"trigonometric",  // Σ sin(xᵢ)·cos(xᵢ₊₁), cyclically
       [](const Eigen::VectorXd& x) {
         double f = 0;
         for (Eigen::Index i = 0; i < x.size(); ++i) f += std::sin(x(i)) * std::cos(x((i + 1) % x.size()));
         return f;
       }},
      {"log_sum_exp",
       [](const Eigen::VectorXd& x) {
         const double top = x.maxCoeff();
         return top + std::log((x.array() - top).exp().sum());
       }},
      {"mse_line",  // J(m, c) for the points (1, 3), (2, 5), (3, 7.5), with x = (m, c)
       [](const Eigen::VectorXd& x) {
         const double xs[] = {1, 2, 3}, ys[] = {3, 5, 7.5};
         double j = 0;
         for (int i = 0; i < 3; ++i) j += std::pow(ys[i] - (x(0) * xs[i] + x(1)), 2);
         return j / 3;
       }},
  };
  return catalogue;
}

inline const std::map<std::string, VectorFunction>& vector_functions() {
  static const std::map<std::string, VectorFunction> catalogue{
      {"softmax",
       [](const Eigen::VectorXd& x) -> Eigen::VectorXd {
         const Eigen::VectorXd e = (x.array() - x.maxCoeff()).exp();
         return e / e.sum();
       }},
      {"linear",  // (Σ (i+1)·xᵢ, Σ (−1)ⁱ·xᵢ)
       [](const Eigen::VectorXd& x) -> Eigen::VectorXd {
         Eigen::VectorXd out = Eigen::VectorXd::Zero(2);
         for (Eigen::Index i = 0; i < x.size(); ++i) {
           out(0) += static_cast<double>(i + 1) * x(i);
           out(1) += (i % 2 == 0 ? 1.0 : -1.0) * x(i);
         }
         return out;
       }},
      {"polar_to_cartesian",  // (r, θ) ↦ (r cos θ, r sin θ)
       [](const Eigen::VectorXd& x) -> Eigen::VectorXd {
         return Eigen::Vector2d(x(0) * std::cos(x(1)), x(0) * std::sin(x(1)));
       }},
      {"rosenbrock_residuals",  // (10 (x₁ − x₀²), 1 − x₀)
       [](const Eigen::VectorXd& x) -> Eigen::VectorXd {
         return Eigen::Vector2d(10 * (x(1) - x(0) * x(0)), 1 - x(0));
       }},
  };
  return catalogue;
}

template <class Function>
Function lookup(const std::map<std::string, Function>& catalogue, const Value& name) {
  const auto found = catalogue.find(Codec<std::string>::from(name));
  if (found == catalogue.end()) throw ArgumentError("no test function named " + Codec<std::string>::from(name));
  return found->second;
}

template <>
struct Codec<ScalarFunction> {
  static ScalarFunction from(const Value& v) { return lookup(scalar_functions(), v); }
};

template <>
struct Codec<VectorFunction> {
  static VectorFunction from(const Value& v) { return lookup(vector_functions(), v); }
};

}  // namespace mathlings::harness
