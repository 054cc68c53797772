#include "judge/generators.hpp"

#include <Eigen/Dense>
#include <array>
#include <functional>

#include "base/errors.hpp"
#include "common/protocol.hpp"
#include "judge/random.hpp"

namespace mathlings {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

Value to_value(const MatrixXd& m) {
  Matrix out;
  out.rows = static_cast<std::size_t>(m.rows());
  out.cols = static_cast<std::size_t>(m.cols());
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) out.data.push_back(m(r, c));
  return out;
}

Value to_value(const VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}

MatrixXd gaussian(Random& random, Eigen::Index rows, Eigen::Index cols) {
  MatrixXd m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = random.normal();
  return m;
}

MatrixXd orthogonal(Random& random, Eigen::Index n) {
  return Eigen::HouseholderQR<MatrixXd>(gaussian(random, n, n)).householderQ();
}

/// rows×cols with singular values spread log-evenly from 1 down to
/// 1/condition; condition 0 means a plain Gaussian matrix made diagonally
/// heavier, which is well conditioned.
MatrixXd matrix_with_condition(Random& random, Eigen::Index rows, Eigen::Index cols, double condition) {
  if (condition <= 0) {
    MatrixXd m = gaussian(random, rows, cols);
    for (Eigen::Index k = 0; k < std::min(rows, cols); ++k)
      m(k, k) += 2.0 * std::sqrt(static_cast<double>(std::max(rows, cols)));
    return m;
  }
  const Eigen::Index k = std::min(rows, cols);
  VectorXd sigma(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    sigma(i) = k == 1 ? 1.0 : std::pow(condition, -static_cast<double>(i) / static_cast<double>(k - 1));
  }
  const MatrixXd u = orthogonal(random, rows).leftCols(k);
  const MatrixXd v = orthogonal(random, cols).leftCols(k);
  return u * sigma.asDiagonal() * v.transpose();
}

MatrixXd matrix_with_rank(Random& random, Eigen::Index rows, Eigen::Index cols, Eigen::Index rank) {
  if (rank == 0) return MatrixXd::Zero(rows, cols);
  return gaussian(random, rows, rank) * gaussian(random, rank, cols);
}

/// How each kind of model/spec_vocabulary.hpp draws its arguments.
struct Kind {
  const char* name;
  std::function<List(Random&, const GeneratorSpec&, const std::vector<long>&)> draw;
};

/// Builds an argument list one by one: brace-initialising a List of Values
/// trips GCC 12's false "maybe-uninitialized" on std::variant.
template <class... V>
List arguments(V&&... values) {
  List out;
  out.reserve(sizeof...(V));
  (out.emplace_back(std::forward<V>(values)), ...);
  return out;
}

Value reals(std::size_t n, const std::function<double(std::size_t)>& entry) {
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = entry(i);
  return out;
}

/// n points of p features in `classes` Gaussian clusters, labels 0, 1, … in turn.
List clustered(Random& r, long n, long p, int classes) {
  MatrixXd centres = 2.5 * gaussian(r, classes, p);
  MatrixXd x(n, p);
  List labels;
  for (long i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % classes);
    for (long j = 0; j < p; ++j) x(i, j) = centres(label, j) + (1.0 + 0.5 * label) * r.normal();
    labels.push_back(label);
  }
  return arguments(to_value(x), Value(labels));
}

/// A symmetric n×n matrix with a clear dominant eigenvalue — 10, the others
/// within ±5, at random orthogonal eigenvectors — and a random start:
/// power iteration converges at a rate of at most ½ a step.
List eigen_problem(Random& r, long n) {
  VectorXd spectrum(n);
  spectrum(0) = 10;
  for (long i = 1; i < n; ++i) spectrum(i) = r.uniform(-5, 5);
  const MatrixXd q = orthogonal(r, n);
  const MatrixXd a = q * spectrum.asDiagonal() * q.transpose();
  const MatrixXd symmetric = (a + a.transpose()) / 2;  // exactly symmetric, whatever the rounding
  return List{to_value(symmetric), to_value(VectorXd(gaussian(r, n, 1)))};
}

/// A Bayesian network of n binary nodes X0, X1, …, each with up to 3 parents
/// among the 3 nodes just before it (so that variable elimination in the
/// network's order never makes a factor of more than 2⁵ entries, while
/// enumeration's sum has 2^(hidden variables) terms), every P(true | parents)
/// within [0.05, 0.95], so that no evidence is impossible.
Value bayesian_network(Random& r, long n) {
  List nodes;
  for (long i = 0; i < n; ++i) {
    List parents;
    for (long p = i - std::min<long>(3, i); p < i; ++p)
      if (r.uniform() < 0.6) parents.emplace_back(static_cast<std::int64_t>(p));
    std::vector<double> cpt(std::size_t{1} << parents.size());
    for (double& entry : cpt) entry = r.uniform(0.05, 0.95);
    nodes.emplace_back(Record{{"name", "parents", "cpt"}, arguments("X" + std::to_string(i), parents, cpt)});
  }
  return Record{{"nodes"}, arguments(nodes)};
}

/// A network, a query node, and about a quarter of the others observed
/// ({index: value}), each true or false at random.
List bayesian_query(Random& r, long n) {
  Value network = bayesian_network(r, n);
  const auto query = std::min<long>(n - 1, static_cast<long>(r.uniform() * static_cast<double>(n)));
  Record evidence;
  for (long i = 0; i < n; ++i) {
    if (i == query || r.uniform() >= 0.25) continue;
    evidence.names.push_back(std::to_string(i));
    evidence.values.emplace_back(r.uniform() < 0.5);
  }
  return arguments(std::move(network), static_cast<std::int64_t>(query), std::move(evidence));
}

/// A network and a full assignment of its nodes, each true or false at random.
List bayesian_assignment(Random& r, long n) {
  Value network = bayesian_network(r, n);
  List assignment;
  for (long i = 0; i < n; ++i) assignment.emplace_back(r.uniform() < 0.5);
  return arguments(std::move(network), std::move(assignment));
}

const std::array<Kind, 13>& kinds() {
  static const std::array<Kind, 13> all{{
      {"square_system",
       [](Random& r, const GeneratorSpec& g, const std::vector<long>& s) {
         const MatrixXd a = matrix_with_condition(r, s[0], s[0], g.condition);
         VectorXd b(s[0]);
         for (auto& e : b) e = r.uniform(-10, 10);
         return List{to_value(a), to_value(b)};
       }},
      {"square_matrix",
       [](Random& r, const GeneratorSpec& g, const std::vector<long>& s) {
         if (g.rank >= 0) return List{to_value(matrix_with_rank(r, s[0], s[0], std::min<long>(g.rank, s[0])))};
         return List{to_value(matrix_with_condition(r, s[0], s[0], g.condition))};
       }},
      {"matrix",
       [](Random& r, const GeneratorSpec& g, const std::vector<long>& s) {
         const long full = std::min(s[0], s[1]);
         return List{to_value(matrix_with_rank(r, s[0], s[1], g.rank >= 0 ? std::min(g.rank, full) : full))};
       }},
      {"least_squares",
       [](Random& r, const GeneratorSpec& g, const std::vector<long>& s) {
         const MatrixXd x = matrix_with_condition(r, s[0], s[1], g.condition);
         VectorXd beta(s[1]);
         for (auto& e : beta) e = r.uniform(-5, 5);
         VectorXd y = x * beta;
         for (auto& e : y) e += 0.1 * r.normal();
         return List{to_value(x), to_value(y)};
       }},
      {"line_data",  // xs and ys = 2x + 1 + noise
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) {
         std::vector<double> xs(s[0]), ys(s[0]);
         for (long i = 0; i < s[0]; ++i) {
           xs[i] = r.uniform(-5, 5);
           ys[i] = 2 * xs[i] + 1 + 0.5 * r.normal();
         }
         return arguments(Value(xs), Value(ys));
       }},
      {"two_classes",  // X (rows × cols) and labels 0/1
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) { return clustered(r, s[0], s[1], 2); }},
      {"three_classes",  // X (rows × cols) and labels 0/1/2
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) { return clustered(r, s[0], s[1], 3); }},
      {"sample",  // n draws from N(10, 2²)
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) {
         return arguments(reals(s[0], [&](std::size_t) { return 10 + 2 * r.normal(); }));
       }},
      {"two_samples",  // rows draws from N(10, 2²) and cols from N(11, 3²)
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) {
         const Value a = reals(s[0], [&](std::size_t) { return 10 + 2 * r.normal(); });
         return arguments(a, reals(s[1], [&](std::size_t) { return 11 + 3 * r.normal(); }));
       }},
      {"paired_samples",  // before and after: after = before + 0.5 + noise
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) {
         std::vector<double> before(s[0]), after(s[0]);
         for (long i = 0; i < s[0]; ++i) {
           before[i] = 20 + 4 * r.normal();
           after[i] = before[i] + 0.5 + r.normal();
         }
         return arguments(Value(before), Value(after));
       }},
      {"eigen_problem",  // A symmetric with a dominant eigenvalue, and a start vector
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) { return eigen_problem(r, s[0]); }},
      {"bayesian_network",  // a network, a query node and evidence on about a quarter of the rest
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) { return bayesian_query(r, s[0]); }},
      {"bayesian_assignment",  // a network and a full assignment
       [](Random& r, const GeneratorSpec&, const std::vector<long>& s) { return bayesian_assignment(r, s[0]); }},
  }};
  return all;
}

const Kind* find_kind(std::string_view name) {
  for (const auto& k : kinds())
    if (name == k.name) return &k;
  return nullptr;
}

std::string shape_label(const std::vector<long>& shape) {
  return shape.size() == 1 ? "n = " + std::to_string(shape[0])
                           : std::to_string(shape[0]) + "×" + std::to_string(shape[1]);
}

}  // namespace

bool can_generate(std::string_view kind) {
  return find_kind(kind) != nullptr;
}

std::vector<Case> generate_cases(const GeneratorSpec& spec) {
  const Kind* kind = find_kind(spec.kind);
  if (kind == nullptr) throw CourseError("the grader cannot draw inputs of kind '" + spec.kind + "'");
  std::vector<Case> cases;
  Random random(spec.seed);
  for (const auto& shape : spec.shapes) {
    for (long k = 0; k < spec.per_shape; ++k) {
      std::string label = "random " + shape_label(shape);
      if (spec.per_shape > 1) label += " #" + std::to_string(k + 1);
      if (spec.condition > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, ", condition %.0e", spec.condition);
        label += buf;
      }
      if (spec.rank >= 0) label += ", rank " + std::to_string(spec.rank);
      label += " (seed " + std::to_string(spec.seed) + ")";
      List args = spec.before;
      for (auto& a : kind->draw(random, spec, shape)) args.push_back(std::move(a));
      args.insert(args.end(), spec.after.begin(), spec.after.end());
      cases.push_back({std::move(args), std::move(label)});
    }
  }
  return cases;
}

std::string encode_test_request(const TestSpec& test, const std::vector<Case>& cases) {
  std::vector<protocol::Call> calls;
  for (const auto& c : cases) calls.push_back({test.function, c.args});
  return protocol::encode_request(calls);
}

std::vector<Case> cases_of(const TestSpec& test) {
  std::vector<Case> cases;
  for (std::size_t k = 0; k < test.cases.size(); ++k) {
    cases.push_back({test.cases[k], test.cases.size() == 1 ? std::string() : "case " + std::to_string(k + 1)});
  }
  if (test.generate) {
    auto generated = generate_cases(*test.generate);
    cases.insert(cases.end(), std::make_move_iterator(generated.begin()), std::make_move_iterator(generated.end()));
  }
  return cases;
}

}  // namespace mathlings
