// What lesson 03's naive Bayes usually instantiates, compiled once into the
// lesson's prebuilt object (course.yaml: prebuild), so that a learner's file
// only calls it: a class's rows gathered and averaged, per-feature means and
// variances (column-wise, row by row, or as arrays), the largest variance,
// and a row's log-density. A file that writes them another way still
// compiles; that part is only compiled with it.
// Never called: it computes nothing a caller could read.
#pragma once

namespace mathlings::prebuilt {

inline void lesson_03_instantiations(const Eigen::MatrixXd& x, const GaussianNaiveBayes& model, double s) {
  Eigen::RowVectorXd mean = x.colwise().mean();
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(x.cols());
  sum += x.row(0);
  sum /= s;
  sum = (x.row(0) - mean).array().square().matrix();
  sum += (x.row(0) - mean).cwiseProduct(x.row(0) - mean);
  const Eigen::RowVectorXd variance = (x.rowwise() - mean).array().square().colwise().sum() / s;
  Eigen::MatrixXd means = Eigen::MatrixXd::Zero(x.rows(), x.cols());
  means.row(0) = mean;
  means.row(0) = (variance / s).array() + s;
  means(0, 0) = x.col(0).mean();
  const Eigen::VectorXd log_priors = Eigen::VectorXd::Constant(x.rows(), s).array().log();
  const Eigen::ArrayXd d = (x.row(0) - model.means.row(0)).transpose().array();
  volatile double sink = variance.maxCoeff() + means.sum() + log_priors.sum() + x(0, 0) +
                         (x.row(0) - sum).squaredNorm() + x.col(0).sum() + x.colwise().sum().maxCoeff() +
                         (d.square() / model.variances.row(0).transpose().array()).sum() +
                         (2 * M_PI * model.variances.row(0).array()).log().sum() + model.log_priors(0) +
                         x.array().square().colwise().sum().maxCoeff() + x.colwise().squaredNorm().sum();
  (void)sink;
}

}  // namespace mathlings::prebuilt
