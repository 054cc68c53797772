// The names a spec may use: the generators of random inputs (generate.kind)
// and the property checks (check:), with what each takes.
//
// The spec reader needs them to reject an unknown name at its line; the judge
// implements each (judge/generators.cpp draws, judge/compare.cpp checks). A
// unit test fails when a name here has no implementation there, or the reverse.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/spec.hpp"

namespace mathlings {

struct GeneratorKind {
  std::string_view name;
  std::size_t dims;  ///< 1: sizes [n]; 2: shapes [rows, cols]
};

std::span<const GeneratorKind> generator_kinds();
const GeneratorKind* find_generator_kind(std::string_view name);
/// "square_system, square_matrix, …" for a message.
std::string known_generators();
/// What is wrong with a generator's parameters for its kind, if anything.
std::optional<std::string> generator_problem(const GeneratorSpec& spec);

/// The checks a test may name instead of "equal": properties of the answer,
/// and statistical checks of random results.
std::span<const std::string_view> property_checks();
/// Whether `check` judges a random result (and so takes standard_errors).
bool is_statistical(std::string_view check);
bool is_known_check(std::string_view name);
/// "equal, solves_system, …" for a message.
std::string known_checks();

}  // namespace mathlings
