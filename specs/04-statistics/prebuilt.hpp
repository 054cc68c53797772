// What lesson 04's files usually instantiate, compiled once into the lesson's
// prebuilt object (course.yaml: prebuild), so that a learner's file only calls
// it: Householder QR and its solve, products, triangular solves, the pieces
// of a regression's table (a design matrix with a column of ones, standard
// errors, t statistics, R²), and Student's t and the normal distribution's
// cdf, complement and quantile. A file that uses something else still
// compiles; that part is only compiled with it.
// Never called: it computes nothing a caller could read.
#pragma once

namespace mathlings::prebuilt {

inline void lesson_04_instantiations(const Eigen::MatrixXd& a, const Eigen::VectorXd& b, double x) {
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  const Eigen::VectorXd beta = qr.solve(b);
  const Eigen::VectorXd residuals = b - a * beta;
  const Eigen::MatrixXd r = qr.matrixQR().topRows(a.cols()).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd r_inverse =
      r.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(a.cols(), a.cols()));
  // A design matrix with a column of ones, standard errors, t statistics, R².
  Eigen::MatrixXd design(a.rows(), a.cols() + 1);
  design << Eigen::VectorXd::Ones(a.rows()), a;
  const Eigen::VectorXd se = (x * r_inverse.rowwise().squaredNorm()).array().sqrt();
  const Eigen::VectorXd t_stat = beta.array() / se.array();
  volatile double sink = residuals.squaredNorm() + r_inverse.rowwise().squaredNorm().sum() + (a.transpose() * a).sum() +
                         (a.transpose() * b).sum() + a.colwise().mean().sum() + design.sum() + t_stat.sum() +
                         (b.array() - b.mean()).square().sum();
  const boost::math::students_t t(x);
  sink = boost::math::cdf(boost::math::complement(t, x)) + boost::math::cdf(t, x) + boost::math::quantile(t, x);
  const boost::math::normal normal;
  sink = boost::math::cdf(boost::math::complement(normal, x)) + boost::math::cdf(normal, x) +
         boost::math::quantile(normal, x);
  (void)sink;
}

}  // namespace mathlings::prebuilt
