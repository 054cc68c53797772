// 03-probability/naive_bayes, wrong on purpose: leaves out var_smoothing.
// A misconception variant (see specs/03-probability/naive_bayes.yaml): never a solution.
#include <algorithm>
#include <cmath>
#include <mathlings/probability.hpp>

namespace mathlings {

GaussianNaiveBayes fit_gaussian_nb(const Eigen::MatrixXd& X, const std::vector<int>& y, double var_smoothing) {
  if (static_cast<Eigen::Index>(y.size()) != X.rows()) throw std::invalid_argument("one label per row of X");
  if (X.rows() == 0) throw std::invalid_argument("no data");
  GaussianNaiveBayes model;
  model.classes = y;
  std::sort(model.classes.begin(), model.classes.end());
  model.classes.erase(std::unique(model.classes.begin(), model.classes.end()), model.classes.end());
  const Eigen::Index k = static_cast<Eigen::Index>(model.classes.size()), p = X.cols();
  const double n = static_cast<double>(X.rows());
  // The smoothing keeps a feature that is constant within a class from
  // dividing by a zero variance.
  const Eigen::RowVectorXd overall_mean = X.colwise().mean();
  const double largest_variance =
      p == 0 ? 0.0 : ((X.rowwise() - overall_mean).array().square().colwise().sum() / n).maxCoeff();
  model.log_priors.resize(k);
  model.means.resize(k, p);
  model.variances.resize(k, p);
  for (Eigen::Index c = 0; c < k; ++c) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
      if (y[static_cast<std::size_t>(i)] == model.classes[static_cast<std::size_t>(c)]) rows.push_back(i);
    const double count = static_cast<double>(rows.size());
    model.log_priors(c) = std::log(count / n);
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(p);
    for (const auto i : rows) mean += X.row(i);
    mean /= count;
    Eigen::RowVectorXd variance = Eigen::RowVectorXd::Zero(p);
    for (const auto i : rows) variance += (X.row(i) - mean).array().square().matrix();
    model.means.row(c) = mean;
    (void)var_smoothing;
    (void)largest_variance;
    model.variances.row(c) = variance / count;
  }
  return model;
}

std::vector<int> predict_gaussian_nb(const GaussianNaiveBayes& model, const Eigen::MatrixXd& X) {
  if (X.cols() != model.means.cols()) throw std::invalid_argument("X has the wrong number of features");
  std::vector<int> predictions;
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    Eigen::Index best = 0;
    double best_score = -INFINITY;
    for (Eigen::Index c = 0; c < model.means.rows(); ++c) {
      double score = model.log_priors(c);
      for (Eigen::Index j = 0; j < X.cols(); ++j) {
        const double var = model.variances(c, j), d = X(i, j) - model.means(c, j);
        score -= 0.5 * std::log(2.0 * M_PI * var) + d * d / (2.0 * var);
      }
      if (score > best_score) best_score = score, best = c;
    }
    predictions.push_back(model.classes[static_cast<std::size_t>(best)]);
  }
  return predictions;
}

}  // namespace mathlings
