// 03-probability/naive_bayes — see lessons/03-probability/README.md, section "Naive Bayes".
#include <algorithm>
#include <cmath>
#include <mathlings/probability.hpp>

namespace mathlings {

GaussianNaiveBayes fit_gaussian_nb(const Eigen::MatrixXd& X, const std::vector<int>& y, double var_smoothing) {
  // TODO: the sorted distinct labels; for each class, log(count/n), the
  // mean of each feature and its population variance; add var_smoothing ×
  // the largest population variance of any feature of X to every variance.
  (void)X, (void)y, (void)var_smoothing;
  throw not_implemented();
}

std::vector<int> predict_gaussian_nb(const GaussianNaiveBayes& model, const Eigen::MatrixXd& X) {
  // TODO: for each row, the class with the largest log prior + Σ log N(xⱼ;
  // mean, variance) — logs, because a product of many small densities
  // underflows. On a tie, the smaller class.
  (void)model, (void)X;
  throw not_implemented();
}

}  // namespace mathlings
