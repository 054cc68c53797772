// Lesson 01-vector-norms — the sizes of a vector. Declares every function the
// lesson's exercises ask for; each exercise file defines some of them.
#pragma once

#include <Eigen/Core>
#include <stdexcept>
#include <vector>

#ifndef MATHLINGS_NOT_IMPLEMENTED_DEFINED
#define MATHLINGS_NOT_IMPLEMENTED_DEFINED
namespace mathlings {
/// What an untouched stub throws. Replace the `throw` with your code.
struct not_implemented : std::logic_error {
  not_implemented() : std::logic_error("not implemented yet") {}
};
}  // namespace mathlings
#endif

namespace mathlings {

/// norms: Σ|xᵢ|, √(Σxᵢ²) without overflow or underflow, and max|xᵢ|; all 0
/// for an empty vector.
double l1_norm(const std::vector<double>& x);
double l2_norm(const std::vector<double>& x);
double max_norm(const std::vector<double>& x);

/// normalize: x / ‖x‖₂. Throws std::domain_error for the zero vector.
Eigen::VectorXd normalize(const Eigen::VectorXd& x);

}  // namespace mathlings
