// Lesson 07 — eigenvectors, the geometry behind PCA. Declares every function
// the lesson's exercises ask for; each exercise file defines some of them
// inside namespace mathlings. The standard library, <Eigen/Core> and
// <Eigen/Eigenvalues> may be used.
//
// Sign convention for every vector returned: its entry of largest magnitude
// is positive (the first such, on a tie) — an eigenvector is only defined up
// to its sign, and this makes two correct answers equal.
#pragma once

#include <Eigen/Core>
#include <stdexcept>

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

/// power_iteration: the dominant eigenpair of A (its eigenvalue of largest
/// magnitude), from `start`, normalised and turned by the sign convention.
/// Normalise after every product A·v and turn the result by the sign
/// convention; stop when it is within `tolerance` of the vector before (2-norm):
/// `iterations` is the number of products A·v made until then (the k-th
/// reaching it gives k; the Rayleigh quotient's own product is not
/// counted). The value is the Rayleigh quotient vᵀAv. Throws
/// std::invalid_argument if A is not square, or start has the wrong size or
/// is zero; std::domain_error if A·v is ever 0, or not converged within
/// max_iterations.
struct EigenPair {
  double value;
  Eigen::VectorXd vector;
  int iterations;
};
EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance, int max_iterations);

/// covariance: the sample covariance matrix of X, whose rows are
/// observations and columns variables: ∑ᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ / (n − 1).
/// Throws std::invalid_argument for fewer than 2 rows.
Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X);

/// pca: `mean`, X's column means; `components`, the k leading eigenvectors of
/// X's covariance matrix (n − 1), one per column (d × k), in decreasing
/// eigenvalue, each with the sign convention; `explained_variance`, their
/// eigenvalues; `explained_variance_ratio`, each over the sum of all d
/// eigenvalues (0 when that sum is 0); `scores`, the centred rows projected
/// on the components (n × k). Throws std::invalid_argument for fewer than 2
/// rows or k outside [1, number of columns].
struct PrincipalComponents {
  Eigen::VectorXd mean;
  Eigen::MatrixXd components;
  Eigen::VectorXd explained_variance;
  Eigen::VectorXd explained_variance_ratio;
  Eigen::MatrixXd scores;
};
PrincipalComponents pca(const Eigen::MatrixXd& X, int k);

}  // namespace mathlings
