// Lesson 06's reference solutions against exact rational arithmetic. Every
// probability a spec gives (a double, which is a rational number) is taken
// exactly, and P(query | evidence) is computed by enumeration with
// boost::multiprecision's cpp_rational — no rounding until the end — for every
// case of the enumeration and variable_elimination specs small enough to
// enumerate; the references, compiled in from solutions/06-bayesian-networks,
// must agree to 12 significant digits. The networks too large to enumerate
// are solved exactly by variable elimination in the network's order (checked
// equal to exact enumeration on every smaller case).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <cstdint>
#include <mathlings/bayesian_networks.hpp>
#include <mathlings_harness/bind.hpp>
#include <string>
#include <vector>

#include "06-bayesian-networks/codec.hpp"
#include "certify/spec_cases.hpp"

namespace mathlings {
namespace {

using Rational = boost::multiprecision::cpp_rational;

const std::string specs = MATHLINGS_COURSE_DIR "/specs/06-bayesian-networks/";

Rational exactly(double p) {
  int exponent = 0;
  const double mantissa = std::frexp(p, &exponent);  // p = mantissa · 2^exponent, mantissa · 2^53 an integer
  Rational r(static_cast<std::int64_t>(std::ldexp(mantissa, 53)));
  const int shift = exponent - 53;
  const Rational two_to_the = Rational(boost::multiprecision::cpp_int(1) << std::abs(shift));
  return shift >= 0 ? Rational(r * two_to_the) : Rational(r / two_to_the);
}

/// P(query = true | evidence), by enumeration in exact arithmetic.
Rational exact_query(const Network& net, int query, const std::map<int, bool>& evidence) {
  std::vector<int> hidden;
  for (int i = 0; i < static_cast<int>(net.nodes.size()); ++i)
    if (i != query && evidence.count(i) == 0) hidden.push_back(i);
  std::vector<bool> values(net.nodes.size());
  for (const auto& [index, value] : evidence) values[static_cast<std::size_t>(index)] = value;
  Rational sum[2] = {0, 0};
  for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << hidden.size()); ++bits) {
    for (std::size_t k = 0; k < hidden.size(); ++k) values[static_cast<std::size_t>(hidden[k])] = (bits >> k) & 1;
    for (const bool q : {false, true}) {
      values[static_cast<std::size_t>(query)] = q;
      Rational p = 1;
      for (std::size_t i = 0; i < values.size(); ++i) {
        const Node& node = net.nodes[i];
        std::size_t row = 0;
        for (const int parent : node.parents) row = 2 * row + (values[static_cast<std::size_t>(parent)] ? 1 : 0);
        const Rational entry = exactly(node.cpt[row]);
        p *= values[i] ? entry : Rational(1 - entry);
      }
      sum[q] += p;
    }
  }
  return sum[1] / (sum[0] + sum[1]);
}

/// The same by variable elimination in exact arithmetic, eliminating in the
/// network's order: for the networks too large to enumerate (their parents
/// are among the 3 nodes before each, so no factor exceeds 2⁵ entries).
Rational exact_query_by_elimination(const Network& net, int query, const std::map<int, bool>& evidence) {
  struct Factor {
    std::vector<int> variables;  // the first the most significant bit of an entry's index
    std::vector<Rational> table;
  };
  std::vector<int> value(net.nodes.size(), 0);
  for (const auto& [index, observed] : evidence) value[static_cast<std::size_t>(index)] = observed;
  const auto entry = [&](const Factor& f) {
    std::size_t index = 0;
    for (const int v : f.variables) index = 2 * index + static_cast<std::size_t>(value[static_cast<std::size_t>(v)]);
    return index;
  };
  const auto fill = [&](Factor& f, const auto& at) {  // f.table[i] = at() with f's variables set from i
    const std::size_t n = f.variables.size();
    for (std::uint64_t bits = 0; bits < (std::uint64_t{1} << n); ++bits) {
      for (std::size_t k = 0; k < n; ++k)
        value[static_cast<std::size_t>(f.variables[k])] = static_cast<int>((bits >> (n - 1 - k)) & 1);
      f.table.push_back(at());
    }
  };
  std::vector<Factor> factors;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const Node& node = net.nodes[i];
    Factor f;
    for (const int v : node.parents)
      if (evidence.count(v) == 0) f.variables.push_back(v);
    if (evidence.count(static_cast<int>(i)) == 0) f.variables.push_back(static_cast<int>(i));
    fill(f, [&] {
      std::size_t row = 0;
      for (const int parent : node.parents)
        row = 2 * row + static_cast<std::size_t>(value[static_cast<std::size_t>(parent)]);
      const Rational p = exactly(node.cpt[row]);
      return value[i] != 0 ? p : Rational(1 - p);
    });
    factors.push_back(std::move(f));
  }
  const auto mentions = [](const Factor& f, int v) {
    return std::find(f.variables.begin(), f.variables.end(), v) != f.variables.end();
  };
  const auto product_over = [&](std::vector<Factor> parts, int summed_out) {
    Factor f;
    for (const Factor& part : parts)
      for (const int v : part.variables)
        if (v != summed_out && !mentions(f, v)) f.variables.push_back(v);
    fill(f, [&] {
      Rational total = 0;
      for (const int x : {0, 1}) {
        if (summed_out >= 0) value[static_cast<std::size_t>(summed_out)] = x;
        Rational p = 1;
        for (const Factor& part : parts) p *= part.table[entry(part)];
        total += p;
        if (summed_out < 0) break;
      }
      return total;
    });
    return f;
  };
  for (int v = 0; v < static_cast<int>(net.nodes.size()); ++v) {
    if (v == query || evidence.count(v) != 0) continue;
    std::vector<Factor> with, without;
    for (Factor& f : factors) (mentions(f, v) ? with : without).push_back(std::move(f));
    without.push_back(product_over(std::move(with), v));
    factors = std::move(without);
  }
  const Factor last = product_over(std::move(factors), -1);
  value[static_cast<std::size_t>(query)] = 1;
  const Rational p_true = last.table[entry(last)];
  value[static_cast<std::size_t>(query)] = 0;
  return p_true / (p_true + last.table[entry(last)]);
}

TEST(ExactRationals, AreExact) {  // the comparison itself: the burglary network's P(b | j, m) = 592242590/2084100239
  const Network alarm{{{"Burglary", {}, {0.001}},
                       {"Earthquake", {}, {0.002}},
                       {"Alarm", {0, 1}, {0.001, 0.29, 0.94, 0.95}},
                       {"JohnCalls", {2}, {0.05, 0.90}},
                       {"MaryCalls", {2}, {0.01, 0.70}}}};
  const Rational p = exact_query(alarm, 0, {{3, true}, {4, true}});
  EXPECT_NEAR(static_cast<double>(p), 592242590.0 / 2084100239.0, 1e-16);
  EXPECT_EQ(exact_query_by_elimination(alarm, 0, {{3, true}, {4, true}}), p);
  EXPECT_EQ(exact_query_by_elimination(alarm, 1, {{2, true}}), exact_query(alarm, 1, {{2, true}}));
  EXPECT_EQ(exactly(0.5), Rational(1, 2));
  EXPECT_EQ(exactly(3.0), Rational(3));
}

void check_every_case(const std::string& spec_file) {
  const ExerciseSpec spec = load_spec(specs + spec_file);  // the cases point into it
  const std::vector<GradedCase> cases = answered_cases(spec);
  std::size_t exact = 0, large = 0;
  for (const GradedCase& c : cases) {
    SCOPED_TRACE(spec_file + ": " + c.label);
    const Network net = harness::Codec<Network>::from(c.args.at(0));
    const int query = static_cast<int>(harness::number_from(c.args.at(1)));
    const std::map<int, bool> evidence = harness::Codec<std::map<int, bool>>::from(c.args.at(2));
    const double by_enumeration =
        net.nodes.size() - evidence.size() <= 21 ? query_by_enumeration(net, query, evidence) : std::nan("");
    const double by_elimination = query_by_elimination(net, query, evidence);
    if (std::isnan(by_enumeration)) {  // too large to enumerate: exact elimination in another order
      ++large;
      const double truth = static_cast<double>(exact_query_by_elimination(net, query, evidence));
      EXPECT_NEAR(by_elimination, truth, 1e-12 * truth) << "elimination";
      continue;
    }
    ++exact;
    const Rational exact_value = exact_query(net, query, evidence);
    EXPECT_EQ(exact_query_by_elimination(net, query, evidence), exact_value) << "the two exact computations";
    const double truth = static_cast<double>(exact_value);
    EXPECT_NEAR(by_enumeration, truth, 1e-12 * truth) << "enumeration";
    EXPECT_NEAR(by_elimination, truth, 1e-12 * truth) << "elimination";
    if (c.certified != nullptr) {
      EXPECT_NEAR(harness::number_from(c.certified->value), truth, std::pow(10.0, -c.certified->digits) * truth)
          << "certified";
    }
  }
  EXPECT_GE(exact, 10u) << "cases checked exactly";
  if (spec_file == "variable_elimination.yaml") {
    EXPECT_GE(large, 3u) << "cases too large to enumerate";
  }
}

TEST(BayesianNetworksExactly, EveryCaseOfTheEnumerationSpec) {
  check_every_case("enumeration.yaml");
}

TEST(BayesianNetworksExactly, EveryCaseOfTheVariableEliminationSpec) {
  check_every_case("variable_elimination.yaml");
}

}  // namespace
}  // namespace mathlings
