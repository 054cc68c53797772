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

/// power_iteration: the dominant eigenpair of A, from `start`. Normalise after
/// every product; stop when successive unit vectors (after the sign
/// convention) differ by at most `tolerance` in the 2-norm; `iterations`
/// counts the products done; the value is the Rayleigh quotient. Throws
/// std::invalid_argument if A is not square, or start has the wrong size or
/// is zero; std::domain_error if not converged within max_iterations.
struct EigenPair {
  double value;
  Eigen::VectorXd vector;
  int iterations;
};
EigenPair power_iteration(const Eigen::MatrixXd& A, const Eigen::VectorXd& start, double tolerance, int max_iterations);

/// covariance: the sample covariance matrix of X, whose rows are
/// observations and columns variables: Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ / (n − 1).
/// Throws std::invalid_argument for fewer than 2 rows.
Eigen::MatrixXd covariance_matrix(const Eigen::MatrixXd& X);

/// pca: the k leading principal components of X's covariance matrix, one
/// per column of `components`, in decreasing variance, each with the sign
/// convention; `scores` are the centred rows projected on them (n × k).
/// Throws std::invalid_argument for fewer than 2 rows or k outside
/// [1, number of columns].
struct PrincipalComponents {
  Eigen::VectorXd mean;
  Eigen::MatrixXd components;
  Eigen::VectorXd explained_variance;
  Eigen::VectorXd explained_variance_ratio;
  Eigen::MatrixXd scores;
};
PrincipalComponents pca(const Eigen::MatrixXd& X, int k);

}  // namespace mathlings
