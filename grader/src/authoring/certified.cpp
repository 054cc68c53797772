#include "authoring/certified.hpp"

#include <cmath>

#include "base/text.hpp"
#include "judge/compare.hpp"
#include "judge/generators.hpp"

namespace mathlings {

Value conform(const Value& literal, const Value& like) {
  if (like.is<double>() && literal.is<std::int64_t>()) return static_cast<double>(literal.as<std::int64_t>());
  if (like.is<std::vector<double>>() && literal.is<List>()) {
    std::vector<double> out;
    for (const auto& e : literal.as<List>()) {
      const Value d = conform(e, Value(0.0));
      if (!d.is<double>()) return literal;
      out.push_back(d.as<double>());
    }
    return out;
  }
  if (like.is<Matrix>() && literal.is<List>()) {
    Matrix m;
    for (const auto& row : literal.as<List>()) {
      const Value r = conform(row, Value(std::vector<double>{}));
      if (!r.is<std::vector<double>>()) return literal;
      const auto& entries = r.as<std::vector<double>>();
      if (m.rows == 0) m.cols = entries.size();
      if (entries.size() != m.cols) return literal;
      m.data.insert(m.data.end(), entries.begin(), entries.end());
      ++m.rows;
    }
    return m;
  }
  if (like.is<List>() && literal.is<List>() && like.as<List>().size() == literal.as<List>().size()) {
    List out;
    for (std::size_t k = 0; k < literal.as<List>().size(); ++k)
      out.push_back(conform(literal.as<List>()[k], like.as<List>()[k]));
    return out;
  }
  return literal;
}

CertifiedReport check_certified_values(Grader& grader, const Exercise& exercise) {
  CertifiedReport report;
  for (const auto& test : exercise.spec.tests) {
    if (test.certified.empty()) continue;
    std::vector<Case> cases;
    for (const auto& c : test.certified) cases.push_back({test.cases.at(c.case_index), ""});
    const auto outcomes = grader.reference_outcomes(exercise, test, encode_test_request(test, cases));
    for (std::size_t k = 0; k < test.certified.size(); ++k) {
      const CertifiedValue& c = test.certified[k];
      const std::string where = exercise.spec.file.string() + ":" + std::to_string(c.line);
      ++report.checked;
      if (outcomes[k].threw()) {
        report.problems.push_back({where, "the reference threw " + outcomes[k].thrown().type});
        continue;
      }
      const Value& reference = outcomes[k].value();
      const Tolerance tolerance{0, 0.5 * std::pow(10.0, 1 - c.digits)};
      std::optional<Mismatch> mismatch;
      if (c.value.is<Record>() && reference.is<Record>()) {  // only the fields the source gives
        const auto& want = c.value.as<Record>();
        const auto& have = reference.as<Record>();
        for (std::size_t f = 0; f < want.names.size() && !mismatch; ++f) {
          std::size_t g = 0;
          while (g < have.names.size() && have.names[g] != want.names[f]) ++g;
          if (g == have.names.size()) {
            mismatch = Mismatch{"." + want.names[f], "a field", "no such field", INFINITY, true};
          } else if (auto m = find_mismatch(conform(want.values[f], have.values[g]), have.values[g], tolerance)) {
            m->where = "." + want.names[f] + m->where;
            mismatch = m;
          }
        }
      } else {
        mismatch = find_mismatch(conform(c.value, reference), reference, tolerance);
      }
      if (mismatch) {
        report.problems.push_back(
            {where, format_call(test.function, test.cases[c.case_index]) + ": the reference gives " + mismatch->actual +
                        (mismatch->where.empty() ? "" : " at " + mismatch->where) + ", but " + c.source + " gives " +
                        mismatch->expected + " (" + std::to_string(c.digits) + " digits)"});
      }
    }
  }
  return report;
}

}  // namespace mathlings
