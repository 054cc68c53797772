// Lesson 07's reference solutions against LAPACK's symmetric eigensolver
// (dsyev: Householder tridiagonalisation and the implicit QL/QR algorithm, a
// code independent of Eigen's, which the references use). Every case of the
// power_iteration and pca specs is run through both: the fixed ones, whose
// certified values must agree with LAPACK's too, and the generated ones, drawn
// exactly as the grader draws them. The references are compiled into this
// test from solutions/07-eigenvectors, so what is checked is what grades.
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <mathlings/eigenvectors.hpp>
#include <string>
#include <vector>

#include "certify/spec_cases.hpp"

// LAPACK's Fortran interface (liblapack); the trailing lengths are the hidden
// lengths of the two character arguments.
extern "C" void dsyev_(const char* jobz, const char* uplo, const int* n, double* a, const int* lda, double* w,
                       double* work, const int* lwork, int* info, std::size_t jobz_length, std::size_t uplo_length);

namespace mathlings {
namespace {

const std::string specs = MATHLINGS_COURSE_DIR "/specs/07-eigenvectors/";

/// A symmetric matrix's eigenvalues in increasing order, and its eigenvectors as columns.
struct Decomposition {
  Eigen::VectorXd values;
  Eigen::MatrixXd vectors;
};

Decomposition lapack_eigen(const Eigen::MatrixXd& symmetric) {
  Eigen::MatrixXd a = symmetric;  // column-major, as Fortran expects; overwritten with the vectors
  const int n = static_cast<int>(a.rows());
  Eigen::VectorXd w(n);
  int lwork = -1, info = 0;
  double size = 0;
  dsyev_("V", "U", &n, a.data(), &n, w.data(), &size, &lwork, &info, 1, 1);  // asks the workspace's size
  std::vector<double> work(static_cast<std::size_t>(size));
  lwork = static_cast<int>(work.size());
  dsyev_("V", "U", &n, a.data(), &n, w.data(), work.data(), &lwork, &info, 1, 1);
  if (info != 0) throw std::runtime_error("dsyev failed: info " + std::to_string(info));
  return {w, a};
}

/// The course's sign convention: the entry of largest magnitude positive (the first, on a tie).
Eigen::VectorXd by_convention(Eigen::VectorXd v) {
  Eigen::Index largest = 0;
  for (Eigen::Index i = 1; i < v.size(); ++i)
    if (std::abs(v(i)) > std::abs(v(largest))) largest = i;
  return v(largest) < 0 ? Eigen::VectorXd(-v) : v;
}

/// Agreement to `digits` significant digits, relative to the larger magnitude
/// of the two (or absolute below `floor`).
void expect_agree(double ours, double lapack, double tolerance, double floor, const std::string& what) {
  EXPECT_LE(std::abs(ours - lapack), tolerance * std::max({std::abs(ours), std::abs(lapack), floor}))
      << what << ": " << ours << " against LAPACK's " << lapack;
}

// The comparison itself: A = [[5, 2], [2, 2]] has eigenpairs 1, (1, −2)/√5
// and 6, (2, 1)/√5 — no two entries of one magnitude, so the sign
// convention cannot depend on the last bit of LAPACK's answer.
TEST(Lapack, SolvesAKnownMatrix) {
  Eigen::MatrixXd a(2, 2);
  a << 5, 2, 2, 2;
  const Decomposition d = lapack_eigen(a);
  EXPECT_NEAR(d.values(0), 1, 1e-14);
  EXPECT_NEAR(d.values(1), 6, 1e-14);
  EXPECT_NEAR(by_convention(d.vectors.col(1))(0), 2 / std::sqrt(5.0), 1e-14);
  EXPECT_NEAR(by_convention(d.vectors.col(0))(1), 2 / std::sqrt(5.0), 1e-14);  // (−1, 2)/√5: the 2 made positive
}

TEST(PowerIterationAgainstLapack, EveryCaseOfTheSpecFindsLapacksDominantEigenpair) {
  const ExerciseSpec spec = load_spec(specs + "power_iteration.yaml");
  const std::vector<GradedCase> cases = answered_cases(spec);
  ASSERT_GE(cases.size(), 5u);  // the fixed cases and the generated ones
  for (const GradedCase& c : cases) {
    SCOPED_TRACE(c.label);
    const Eigen::MatrixXd a = harness::Codec<Eigen::MatrixXd>::from(c.args.at(0));
    const Decomposition d = lapack_eigen(a);
    Eigen::Index dominant = 0;
    d.values.cwiseAbs().maxCoeff(&dominant);
    const double scale = d.values.cwiseAbs().maxCoeff();
    const Eigen::VectorXd lapack_vector = by_convention(d.vectors.col(dominant));
    const EigenPair ours =
        power_iteration(a, harness::Codec<Eigen::VectorXd>::from(c.args.at(1)), harness::number_from(c.args.at(2)),
                        static_cast<int>(harness::number_from(c.args.at(3))));
    expect_agree(ours.value, d.values(dominant), 1e-12, scale, "the eigenvalue");
    EXPECT_LE((ours.vector - lapack_vector).norm(), 1e-9) << "the eigenvector";
    if (c.certified != nullptr) {
      const double tolerance = std::pow(10.0, -c.certified->digits);
      expect_agree(harness::record_field<double>(c.certified->value, "value"), d.values(dominant), tolerance, scale,
                   "the certified eigenvalue");
      const Eigen::VectorXd certified = harness::record_field<Eigen::VectorXd>(c.certified->value, "vector");
      for (Eigen::Index i = 0; i < certified.size(); ++i)
        expect_agree(certified(i), lapack_vector(i), tolerance, 1, "the certified eigenvector");
    }
  }
}

TEST(PcaAgainstLapack, EveryCaseOfTheSpecHasLapacksComponentsAndVariances) {
  const ExerciseSpec spec = load_spec(specs + "pca.yaml");
  const std::vector<GradedCase> cases = answered_cases(spec);
  ASSERT_GE(cases.size(), 4u);
  for (const GradedCase& c : cases) {
    SCOPED_TRACE(c.label);
    const Eigen::MatrixXd x = harness::Codec<Eigen::MatrixXd>::from(c.args.at(0));
    const int k = static_cast<int>(harness::number_from(c.args.at(1)));
    const Eigen::MatrixXd centred = x.rowwise() - x.colwise().mean();
    const Decomposition d = lapack_eigen(centred.transpose() * centred / static_cast<double>(x.rows() - 1));
    const Eigen::Index dims = x.cols();
    const double total = d.values.sum(), largest = d.values(dims - 1);
    const PrincipalComponents ours = pca(x, k);
    ASSERT_EQ(ours.components.cols(), k);
    for (int j = 0; j < k; ++j) {
      const Eigen::VectorXd lapack_component = by_convention(d.vectors.col(dims - 1 - j));
      expect_agree(ours.explained_variance(j), d.values(dims - 1 - j), 1e-12, largest, "an explained variance");
      expect_agree(ours.explained_variance_ratio(j), d.values(dims - 1 - j) / total, 1e-12, 1, "a ratio");
      EXPECT_LE((ours.components.col(j) - lapack_component).norm(), 1e-9) << "component " << j;
      if (c.certified != nullptr) {
        const double tolerance = std::pow(10.0, -c.certified->digits);
        const Eigen::MatrixXd certified = harness::record_field<Eigen::MatrixXd>(c.certified->value, "components");
        for (Eigen::Index i = 0; i < dims; ++i)
          expect_agree(certified(i, j), lapack_component(i), tolerance, 1, "a certified component");
        expect_agree(harness::record_field<Eigen::VectorXd>(c.certified->value, "explained_variance")(j),
                     d.values(dims - 1 - j), tolerance, largest, "a certified variance");
      }
    }
  }
}

}  // namespace
}  // namespace mathlings
