// Lesson 01 — linear algebra. Declares every function the lesson's exercises
// ask for; each exercise file defines some of them inside namespace mathlings.
// Only the standard library and <Eigen/Core> may be used: the point is to do
// the elimination by hand.
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

/// elimination: solves A x = b by Gaussian elimination with partial pivoting,
/// then back substitution. Throws std::invalid_argument if A is not square or
/// b does not match, std::domain_error if A is singular (a pivot whose
/// magnitude is at most 1e-12 · max|A_ij|).
Eigen::VectorXd solve_by_elimination(const Eigen::MatrixXd& A, const Eigen::VectorXd& b);

/// row_echelon: the reduced row echelon form of M, and its rank. Entries of
/// magnitude at most 1e-10 · max(1, max|M_ij|) count as zero.
Eigen::MatrixXd reduced_row_echelon(const Eigen::MatrixXd& M);
int rank(const Eigen::MatrixXd& M);

/// determinant: by elimination with partial pivoting, tracking row swaps; a
/// singular matrix has determinant 0 (no exception). Throws
/// std::invalid_argument if A is not square.
double determinant(const Eigen::MatrixXd& A);

/// inverse: by Gauss–Jordan elimination with partial pivoting. Throws
/// std::invalid_argument if A is not square, std::domain_error if it is
/// singular (as in elimination: the best pivot's magnitude is at most
/// 1e-12 · max|A_ij|).
Eigen::MatrixXd inverse(const Eigen::MatrixXd& A);

/// least_squares: the β minimising ‖Xβ − y‖₂ (X has full column rank and at
/// least as many rows as columns; each row is one observation). Throws
/// std::invalid_argument on mismatched sizes or fewer rows than columns.
Eigen::VectorXd least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y);

}  // namespace mathlings
