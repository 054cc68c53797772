#include "classroom/item_analysis.hpp"

#include <cmath>
#include <map>

namespace mathlings {
namespace {

constexpr double weak_discrimination = 0.2;
constexpr std::size_t students_for_weak_flag = 5;

struct Item {
  std::string exercise, test;
  double max_score = 0;
  std::vector<double> scores;  ///< one per graded student, in row order
};

std::string flag_of(const ItemStatistics& item) {
  if (item.max_score > 0 && item.facility == 0) return "nobody scores on it";
  if (item.discrimination && *item.discrimination < 0)
    return "negative discrimination: students who do well elsewhere do worse here";
  if (item.discrimination && *item.discrimination < weak_discrimination && item.students >= students_for_weak_flag)
    return "weak discrimination: it barely tells stronger students from weaker";
  return "";
}

}  // namespace

std::optional<double> correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2 || y.size() != n) return std::nullopt;
  double mean_x = 0, mean_y = 0;
  for (std::size_t k = 0; k < n; ++k) {
    mean_x += x[k];
    mean_y += y[k];
  }
  mean_x /= static_cast<double>(n);
  mean_y /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t k = 0; k < n; ++k) {
    sxy += (x[k] - mean_x) * (y[k] - mean_y);
    sxx += (x[k] - mean_x) * (x[k] - mean_x);
    syy += (y[k] - mean_y) * (y[k] - mean_y);
  }
  // Scores are sums of a few points: a spread this small is rounding, not variation.
  if (sxx < 1e-12 || syy < 1e-12) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

std::vector<ItemStatistics> item_statistics(const std::vector<StudentRow>& rows) {
  std::vector<Item> items;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  std::vector<double> totals;
  const auto item = [&](const std::string& exercise, const std::string& test, double max) -> Item& {
    const auto [it, added] = index.try_emplace({exercise, test}, items.size());
    if (added) items.push_back({exercise, test, max, {}});
    return items[it->second];
  };
  // First every item any graded student has, so that each series has a
  // value per student (0 where a result lacks the item).
  std::vector<const StudentRow*> graded;
  for (const auto& row : rows) {
    if (row.status != "graded") continue;
    graded.push_back(&row);
    for (const auto& e : row.result.exercises) {
      item(e.id, "", e.max_score);
      for (const auto& t : e.tests) item(e.id, t.name, t.max_score);
    }
  }
  for (auto& i : items) i.scores.assign(graded.size(), 0);
  for (std::size_t s = 0; s < graded.size(); ++s) {
    totals.push_back(graded[s]->result.score());
    for (const auto& e : graded[s]->result.exercises) {
      items[index.at({e.id, ""})].scores[s] = e.score;
      for (const auto& t : e.tests) items[index.at({e.id, t.name})].scores[s] = t.score;
    }
  }
  std::vector<ItemStatistics> statistics;
  for (const auto& i : items) {
    ItemStatistics out{.exercise = i.exercise,
                       .test = i.test,
                       .max_score = i.max_score,
                       .students = graded.size(),
                       .facility = 0,
                       .discrimination = std::nullopt,
                       .flag = ""};
    std::vector<double> rest(graded.size());
    double sum = 0;
    for (std::size_t s = 0; s < graded.size(); ++s) {
      sum += i.scores[s];
      rest[s] = totals[s] - i.scores[s];
    }
    if (!graded.empty() && i.max_score > 0) out.facility = sum / static_cast<double>(graded.size()) / i.max_score;
    out.discrimination = correlation(i.scores, rest);
    out.flag = flag_of(out);
    statistics.push_back(std::move(out));
  }
  return statistics;
}

}  // namespace mathlings
