// What lesson 01's files usually instantiate, compiled once into the lesson's
// prebuilt object (course.yaml: prebuild), so that a learner's file only calls
// it: rows and columns, their parts, swaps, dot products, norms, the largest
// entry, and products of matrices and vectors. A file that uses something else
// still compiles; that part is only compiled with it. Never called: it
// computes nothing a caller could read.
#pragma once

namespace mathlings::prebuilt {

inline void lesson_01_instantiations(const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  Eigen::MatrixXd m = a;
  Eigen::VectorXd v = b;
  Eigen::Index at = 0;
  m.row(0).swap(m.row(1));
  v.segment(0, 1).swap(v.segment(1, 1));
  m.row(1) -= 2.0 * m.row(0);
  v.tail(1) -= 2.0 * v * v.dot(b);
  m.bottomRightCorner(1, 1) -= 2.0 * v * (v.transpose() * m.bottomRightCorner(1, 1));
  v.normalize();
  const Eigen::MatrixXd product = a * m.transpose();
  const Eigen::VectorXd image = a * b;
  volatile double sink = m.col(0).tail(1).cwiseAbs().maxCoeff(&at) + m.row(0).segment(0, 1).dot(v.tail(1)) + v.norm() +
                         product.sum() + image.squaredNorm() + m.cwiseAbs().maxCoeff() + m(0, 0);
  (void)sink;
}

}  // namespace mathlings::prebuilt
