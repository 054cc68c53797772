#include "model/spec_vocabulary.hpp"

#include <algorithm>
#include <array>

namespace mathlings {
namespace {

constexpr std::array<GeneratorKind, 13> kinds{{
    {"square_system", 1},
    {"square_matrix", 1},
    {"matrix", 2},
    {"least_squares", 2},
    {"line_data", 1},
    {"two_classes", 2},
    {"three_classes", 2},
    {"sample", 1},
    {"two_samples", 2},
    {"paired_samples", 1},
    {"eigen_problem", 1},
    {"bayesian_network", 1},
    {"bayesian_assignment", 1},
}};

constexpr std::array<std::string_view, 5> checks{"solves_system", "inverse_of", "least_squares_optimal",
                                                 "z_test_p_values", "permutation_p_value"};
/// Those of them that judge a random result (they take standard_errors).
constexpr std::array<std::string_view, 2> statistical{"z_test_p_values", "permutation_p_value"};

}  // namespace

std::span<const GeneratorKind> generator_kinds() {
  return kinds;
}

const GeneratorKind* find_generator_kind(std::string_view name) {
  const auto* found = std::find_if(kinds.begin(), kinds.end(), [&](const GeneratorKind& k) { return k.name == name; });
  return found == kinds.end() ? nullptr : found;
}

std::string known_generators() {
  std::string names;
  for (const auto& k : kinds) names += std::string(names.empty() ? "" : ", ") + std::string(k.name);
  return names;
}

std::optional<std::string> generator_problem(const GeneratorSpec& spec) {
  const GeneratorKind* kind = find_generator_kind(spec.kind);
  if (kind == nullptr) return "unknown generator '" + spec.kind + "'";
  for (const auto& shape : spec.shapes) {
    if (shape.size() != kind->dims) {
      return kind->dims == 1 ? spec.kind + " takes sizes: [n, …]" : spec.kind + " takes shapes: [[rows, cols], …]";
    }
    if (spec.kind == "least_squares" && shape[0] < shape[1])
      return "least_squares needs at least as many rows as columns";
  }
  if (spec.rank >= 0 && spec.condition > 0) return "give rank or condition, not both";
  if (spec.rank >= 0 && spec.kind != "matrix" && spec.kind != "square_matrix")
    return spec.kind + " does not take a rank";
  return std::nullopt;
}

std::span<const std::string_view> property_checks() {
  return checks;
}

bool is_statistical(std::string_view check) {
  return std::find(statistical.begin(), statistical.end(), check) != statistical.end();
}

bool is_known_check(std::string_view name) {
  return name == "equal" || std::find(checks.begin(), checks.end(), name) != checks.end();
}

std::string known_checks() {
  std::string names = "equal";
  for (const auto& c : checks) names += ", " + std::string(c);
  return names;
}

}  // namespace mathlings
