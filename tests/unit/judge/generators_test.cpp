#include "judge/generators.hpp"
#include "model/spec_vocabulary.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>

namespace mathlings {
namespace {

Eigen::MatrixXd as_eigen(const Value& v) {
  const auto& m = v.as<Matrix>();
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      m.data.data(), static_cast<Eigen::Index>(m.rows), static_cast<Eigen::Index>(m.cols));
}

GeneratorSpec spec(std::string kind, std::vector<std::vector<long>> shapes, std::uint64_t seed) {
  GeneratorSpec g;
  g.kind = std::move(kind);
  g.shapes = std::move(shapes);
  g.seed = seed;
  return g;
}

TEST(Generators, TheSameSeedGivesTheSameInputs) {
  const auto g = spec("square_system", {{4}, {7}}, 5);
  const auto a = generate_cases(g), b = generate_cases(g);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].args, b[1].args);
  EXPECT_NE(generate_cases(spec("square_system", {{4}, {7}}, 6))[0].args, a[0].args);
  EXPECT_EQ(a[0].label, "random n = 4 (seed 5)");
}

TEST(Generators, ConditionNumberIsAsAsked) {
  auto g = spec("square_matrix", {{12}}, 3);
  g.condition = 1e8;
  const Eigen::MatrixXd a = as_eigen(generate_cases(g)[0].args[0]);
  const Eigen::VectorXd s = Eigen::JacobiSVD<Eigen::MatrixXd>(a).singularValues();
  EXPECT_NEAR(s(0) / s(s.size() - 1), 1e8, 1e8 * 1e-4);
}

TEST(Generators, RankIsAsAsked) {
  auto g = spec("matrix", {{8, 5}}, 4);
  g.rank = 3;
  const Eigen::MatrixXd a = as_eigen(generate_cases(g)[0].args[0]);
  EXPECT_EQ(Eigen::FullPivLU<Eigen::MatrixXd>(a).rank(), 3);
}

TEST(Generators, AnEigenProblemIsSymmetricWithOneDominantEigenvalueAndAStart) {
  const auto cases = generate_cases(spec("eigen_problem", {{3}, {20}}, 7));
  ASSERT_EQ(cases.size(), 2u);
  const Eigen::MatrixXd a = as_eigen(cases[1].args[0]);
  ASSERT_EQ(a.rows(), 20);
  EXPECT_EQ(a, a.transpose());  // exactly: power iteration's references assume it
  const Eigen::VectorXd values = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(a).eigenvalues();
  EXPECT_NEAR(values.cwiseAbs().maxCoeff(), 10, 1e-9);
  EXPECT_LE(values.head(19).cwiseAbs().maxCoeff(), 5 + 1e-9);  // ascending: the 19 others, within ±5
  EXPECT_EQ(cases[1].args[1].as<std::vector<double>>().size(), 20u);
}

/// The field `name` of a generated struct.
const Value& field(const Value& record, const std::string& name) {
  const Record& r = record.as<Record>();
  for (std::size_t k = 0; k < r.names.size(); ++k)
    if (r.names[k] == name) return r.values[k];
  throw std::runtime_error("no field " + name);
}

TEST(Generators, ABayesianNetworkIsWellFormedWithParentsJustBeforeEachNode) {
  const auto cases = generate_cases(spec("bayesian_network", {{60}}, 604));
  ASSERT_EQ(cases.size(), 1u);
  const List& args = cases[0].args;
  ASSERT_EQ(args.size(), 3u);
  const List& nodes = field(args[0], "nodes").as<List>();
  ASSERT_EQ(nodes.size(), 60u);
  std::size_t parents_in_all = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    EXPECT_EQ(field(nodes[i], "name").as<std::string>(), "X" + std::to_string(i));
    const List& parents = field(nodes[i], "parents").as<List>();
    parents_in_all += parents.size();
    for (const Value& p : parents) {
      EXPECT_LT(p.as<std::int64_t>(), static_cast<std::int64_t>(i));      // an earlier node…
      EXPECT_GE(p.as<std::int64_t>() + 3, static_cast<std::int64_t>(i));  // …among the 3 just before
    }
    const auto& cpt = field(nodes[i], "cpt").as<std::vector<double>>();
    EXPECT_EQ(cpt.size(), std::size_t{1} << parents.size());
    for (const double p : cpt) {
      EXPECT_GE(p, 0.05);
      EXPECT_LE(p, 0.95);
    }
  }
  EXPECT_GT(parents_in_all, 60u);  // connected enough that enumeration is no shortcut
  const auto query = args[1].as<std::int64_t>();
  const Record& evidence = args[2].as<Record>();
  EXPECT_GT(evidence.names.size(), 5u);
  for (const std::string& index : evidence.names) EXPECT_NE(index, std::to_string(query));
  const auto assignment = generate_cases(spec("bayesian_assignment", {{6}}, 1))[0].args;
  EXPECT_EQ(assignment[1].as<List>().size(), 6u);
}

TEST(Generators, ParametersAreCheckedForTheirKind) {
  EXPECT_TRUE(generator_problem(spec("matrix", {{3}}, 1)));
  EXPECT_TRUE(generator_problem(spec("least_squares", {{2, 5}}, 1)));
  EXPECT_FALSE(generator_problem(spec("least_squares", {{5, 2}}, 1)));
}

}  // namespace
}  // namespace mathlings
