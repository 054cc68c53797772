// An exercise's spec: its functions, hints and tests, loaded from
// specs/<lesson>/<exercise>.yaml. The format is documented field by field in
// docs/spec-format.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/value.hpp"

namespace mathlings {

/// An actual value a passes against an expected e when
/// |a - e| <= abs + rel * |e| for every entry.
struct Tolerance {
  double abs = 1e-9;
  double rel = 1e-9;
};

/// Seeded random inputs drawn by a named generator (see generators.hpp).
struct GeneratorSpec {
  std::string kind;
  std::vector<std::vector<long>> shapes;  ///< one entry per size: {n} or {rows, cols}
  long per_shape = 1;
  std::uint64_t seed = 1;
  double condition = 0;  ///< 0: well conditioned
  long rank = -1;        ///< -1: full rank
  List before;           ///< literal arguments placed before the generated ones
  List after;            ///< and after them
  int line = 0;
};

/// A published or independently computed result for one case, that the
/// reference solution must reproduce to `digits` significant digits
/// (checked by `mathlings verify`, never used to grade).
struct CertifiedValue {
  std::size_t case_index = 0;
  Value value;  ///< for a struct result, the fields given are compared
  int digits = 6;
  std::string source;  ///< where the value comes from
  int line = 0;
};

struct TestSpec {
  std::string name;
  double points = 1;
  std::string function;
  std::vector<List> cases;                ///< literal argument lists
  std::vector<CertifiedValue> certified;  ///< published results for some literal cases
  std::optional<GeneratorSpec> generate;  ///< and/or generated ones
  Tolerance tolerance;
  std::string check = "equal";  ///< or a property check, see compare.hpp
  /// The fields of a struct result this test grades (all when empty): where
  /// a field has no meaning for its inputs (t of an exact fit, ±∞ or huge).
  std::vector<std::string> compared_fields;
  std::optional<std::string> expect;  ///< an exception type the reference must throw
  double time_limit = 2;              ///< CPU seconds for the whole test (wall time only guards)
  double memory_limit_mib = 1024;
  /// How far a statistical check (judge/statistical_checks.hpp) lets a
  /// simulated result stray, in standard errors of its own noise.
  double standard_errors = 4;
  bool hidden = false;             ///< graded by `grade` and `batch` only; its inputs are never shown
  std::vector<std::string> needs;  ///< the techniques (ExerciseSpec::techniques) its tolerance demands
  int line = 0;
};

/// A known wrong way to do the exercise, written as code: when a learner's
/// answers match the variant's wherever they are wrong, the grader names the
/// mistake. The code is specs/<lesson>/misconceptions/<exercise>/<name>.cpp.
struct Misconception {
  std::string name;     ///< lower-case words joined by '-'
  std::string message;  ///< the mistake in plain words, and how to put it right
  std::filesystem::path file;
  int line = 0;
};

/// A way of computing that a tolerance demands, beyond the plain formula: a
/// learner can only be asked for it if the text they read names it. The plain
/// formula is one of the exercise's known mistakes, so that `verify` can
/// measure which tests need the technique, and check that they say so.
struct Technique {
  std::string name;                    ///< lower-case words joined by '-'
  std::string without;                 ///< the misconception that is the plain formula
  std::vector<std::string> stated_as;  ///< the text states it when it has one of these phrases
  int line = 0;
};

struct ExerciseSpec {
  std::filesystem::path file;
  std::vector<std::string> functions;
  std::vector<std::string> hints;
  std::vector<TestSpec> tests;
  std::vector<Misconception> misconceptions;
  std::vector<Technique> techniques;
  double max_score() const;
};

/// Loads and validates a spec; any problem is a CourseError naming file and line.
ExerciseSpec load_spec(const std::filesystem::path& file);

}  // namespace mathlings
