// The names a spec may use, and what is wrong with a generator's parameters.
// (That each name has an implementation is tested with the judge.)
#include "model/spec_vocabulary.hpp"

#include <gtest/gtest.h>

#include <set>

namespace mathlings {
namespace {

GeneratorSpec generator(const std::string& kind, std::vector<std::vector<long>> shapes) {
  GeneratorSpec spec;
  spec.kind = kind;
  spec.shapes = std::move(shapes);
  return spec;
}

TEST(SpecVocabulary, GeneratorsAreFoundByNameWithTheirDimensions) {
  ASSERT_NE(find_generator_kind("square_system"), nullptr);
  EXPECT_EQ(find_generator_kind("square_system")->dims, 1u);
  ASSERT_NE(find_generator_kind("matrix"), nullptr);
  EXPECT_EQ(find_generator_kind("matrix")->dims, 2u);
  EXPECT_EQ(find_generator_kind("square"), nullptr);
  EXPECT_EQ(find_generator_kind(""), nullptr);
  std::set<std::string_view> names;
  for (const auto& kind : generator_kinds()) {
    EXPECT_TRUE(kind.dims == 1 || kind.dims == 2) << kind.name;
    names.insert(kind.name);
  }
  EXPECT_EQ(names.size(), generator_kinds().size()) << "a generator is listed twice";
}

TEST(SpecVocabulary, TheListsForMessagesNameEveryOne) {
  const std::string generators = known_generators();
  EXPECT_EQ(generators.rfind("square_system, square_matrix, ", 0), 0u) << generators;
  for (const auto& kind : generator_kinds()) EXPECT_NE(generators.find(kind.name), std::string::npos) << kind.name;
  const std::string checks = known_checks();
  EXPECT_EQ(checks.rfind("equal, ", 0), 0u) << checks;
  for (const auto check : property_checks()) {
    EXPECT_NE(checks.find(check), std::string::npos) << check;
    EXPECT_TRUE(is_known_check(check));
  }
  EXPECT_FALSE(is_known_check("Equal"));
}

TEST(SpecVocabulary, GeneratorParametersMustFitTheirKind) {
  EXPECT_FALSE(generator_problem(generator("square_system", {{3}, {5}})));
  EXPECT_FALSE(generator_problem(generator("two_samples", {{10, 12}})));
  EXPECT_EQ(generator_problem(generator("squares", {{3}})), "unknown generator 'squares'");
  EXPECT_EQ(generator_problem(generator("square_system", {{3, 3}})), "square_system takes sizes: [n, …]");
  EXPECT_EQ(generator_problem(generator("matrix", {{3, 2}, {4}})), "matrix takes shapes: [[rows, cols], …]");
  EXPECT_EQ(generator_problem(generator("least_squares", {{2, 3}})),
            "least_squares needs at least as many rows as columns");

  GeneratorSpec ranked = generator("matrix", {{4, 4}});
  ranked.rank = 2;
  EXPECT_FALSE(generator_problem(ranked));
  ranked.condition = 1e8;
  EXPECT_EQ(generator_problem(ranked), "give rank or condition, not both");
  GeneratorSpec sample = generator("sample", {{20}});
  sample.rank = 1;
  EXPECT_EQ(generator_problem(sample), "sample does not take a rank");
}

}  // namespace
}  // namespace mathlings
