#include "judge/compare.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "judge/statistical_checks.hpp"

namespace mathlings {
namespace {

using protocol::Outcome;
constexpr double infinite = std::numeric_limits<double>::infinity();

/// How far past the tolerance a number is: ≤ 1 passes.
double excess_of(double e, double a, const Tolerance& t) {
  if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a) ? 0 : infinite;
  if (std::isinf(e) || std::isinf(a)) return e == a ? 0 : infinite;
  const double allowed = t.abs + t.rel * std::fabs(e);
  const double diff = std::fabs(a - e);
  if (diff == 0) return 0;
  return allowed == 0 ? infinite : diff / allowed;
}

void keep_worse(std::optional<Mismatch>& worst, Mismatch candidate) {
  if (!worst || (!worst->shape && (candidate.shape || candidate.excess > worst->excess))) worst = std::move(candidate);
}

void compare_into(const Value& e, const Value& a, const Tolerance& t, const std::string& where,
                  std::optional<Mismatch>& worst) {
  const auto shape_mismatch = [&] { keep_worse(worst, {where, describe_shape(e), describe_shape(a), infinite, true}); };
  if (e.data.index() != a.data.index()) return shape_mismatch();
  if (e.is<double>()) {
    const double x = excess_of(e.as<double>(), a.as<double>(), t);
    if (x > 1) keep_worse(worst, {where, format_number(e.as<double>()), format_number(a.as<double>()), x, false});
  } else if (e.is<std::vector<double>>()) {
    const auto& ev = e.as<std::vector<double>>();
    const auto& av = a.as<std::vector<double>>();
    if (ev.size() != av.size()) return shape_mismatch();
    for (std::size_t k = 0; k < ev.size(); ++k) {
      const double x = excess_of(ev[k], av[k], t);
      if (x > 1)
        keep_worse(worst,
                   {where + "[" + std::to_string(k) + "]", format_number(ev[k]), format_number(av[k]), x, false});
    }
  } else if (e.is<Matrix>()) {
    const auto& em = e.as<Matrix>();
    const auto& am = a.as<Matrix>();
    if (em.rows != am.rows || em.cols != am.cols) return shape_mismatch();
    for (std::size_t r = 0; r < em.rows; ++r)
      for (std::size_t c = 0; c < em.cols; ++c) {
        const double x = excess_of(em.at(r, c), am.at(r, c), t);
        if (x > 1) {
          keep_worse(worst, {where + "(" + std::to_string(r) + ", " + std::to_string(c) + ")",
                             format_number(em.at(r, c)), format_number(am.at(r, c)), x, false});
        }
      }
  } else if (e.is<List>()) {
    const auto& el = e.as<List>();
    const auto& al = a.as<List>();
    if (el.size() != al.size()) return shape_mismatch();
    for (std::size_t k = 0; k < el.size(); ++k)
      compare_into(el[k], al[k], t, where + "[" + std::to_string(k) + "]", worst);
  } else if (e.is<Record>()) {
    const auto& er = e.as<Record>();
    const auto& ar = a.as<Record>();
    if (er.names != ar.names) return shape_mismatch();
    for (std::size_t k = 0; k < er.names.size(); ++k)
      compare_into(er.values[k], ar.values[k], t, where + "." + er.names[k], worst);
  } else if (!(e == a)) {
    keep_worse(worst, {where, format_value(e), format_value(a), infinite, false});
  }
}

// ---- property checks -------------------------------------------------------

using Eigen::MatrixXd;
using Eigen::VectorXd;

MatrixXd eigen_matrix(const Value& v) {
  if (v.is<Matrix>()) {
    const auto& m = v.as<Matrix>();
    MatrixXd out(m.rows, m.cols);
    for (std::size_t r = 0; r < m.rows; ++r)
      for (std::size_t c = 0; c < m.cols; ++c) out(r, c) = m.at(r, c);
    return out;
  }
  // A literal matrix from the spec: a list of rows.
  const auto& rows = v.as<List>();
  MatrixXd out(rows.size(), rows.empty() ? 0 : rows.front().as<List>().size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r].as<List>();
    for (std::size_t c = 0; c < row.size(); ++c) {
      out(r, c) = row[c].is<double>() ? row[c].as<double>() : static_cast<double>(row[c].as<std::int64_t>());
    }
  }
  return out;
}

VectorXd eigen_vector(const Value& v) {
  if (v.is<std::vector<double>>()) {
    const auto& x = v.as<std::vector<double>>();
    return Eigen::Map<const VectorXd>(x.data(), static_cast<Eigen::Index>(x.size()));
  }
  const auto& l = v.as<List>();
  VectorXd out(l.size());
  for (std::size_t k = 0; k < l.size(); ++k) {
    out(k) = l[k].is<double>() ? l[k].as<double>() : static_cast<double>(l[k].as<std::int64_t>());
  }
  return out;
}

double inf_norm(const MatrixXd& m) {
  return m.size() == 0 ? 0 : m.cwiseAbs().rowwise().sum().maxCoeff();
}

/// A property: the residual it measures, and the scale it is measured against.
struct Residual {
  std::string what;
  double value;
  double scale;
};

using Property = Residual (*)(const List& args, const Value& actual);

Residual solves_system(const List& args, const Value& actual) {
  const MatrixXd a = eigen_matrix(args.at(0));
  const VectorXd b = eigen_vector(args.at(1));
  const VectorXd x = eigen_vector(actual);
  return {"‖A·x − b‖∞", (a * x - b).lpNorm<Eigen::Infinity>(),
          inf_norm(a) * x.lpNorm<Eigen::Infinity>() + b.lpNorm<Eigen::Infinity>()};
}

Residual inverse_of(const List& args, const Value& actual) {
  const MatrixXd a = eigen_matrix(args.at(0));
  const MatrixXd x = eigen_matrix(actual);
  return {"‖A·X − I‖∞", inf_norm(a * x - MatrixXd::Identity(a.rows(), a.cols())), inf_norm(a) * inf_norm(x)};
}

Residual least_squares_optimal(const List& args, const Value& actual) {
  const MatrixXd x = eigen_matrix(args.at(0));
  const VectorXd y = eigen_vector(args.at(1));
  const VectorXd beta = eigen_vector(actual);
  return {"‖Xᵀ(X·β − y)‖∞ (the normal equations)", (x.transpose() * (x * beta - y)).lpNorm<Eigen::Infinity>(),
          inf_norm(x.transpose()) * (inf_norm(x) * beta.lpNorm<Eigen::Infinity>() + y.lpNorm<Eigen::Infinity>())};
}

struct NamedProperty {
  const char* name;
  Property property;
};
constexpr std::array<NamedProperty, 3> properties{{
    {"solves_system", solves_system},
    {"inverse_of", inverse_of},
    {"least_squares_optimal", least_squares_optimal},
}};

Property find_property(std::string_view name) {
  for (const auto& p : properties)
    if (name == p.name) return p.property;
  return nullptr;
}

bool all_finite(const Value& v) {
  if (v.is<double>()) return std::isfinite(v.as<double>());
  if (v.is<std::vector<double>>()) {
    for (double d : v.as<std::vector<double>>())
      if (!std::isfinite(d)) return false;
  }
  if (v.is<Matrix>()) {
    for (double d : v.as<Matrix>().data)
      if (!std::isfinite(d)) return false;
  }
  return true;
}

std::string tolerance_text(const Tolerance& t) {
  return "abs " + format_number(t.abs) + " + rel " + format_number(t.rel) + "·|expected|";
}

CaseVerdict wrong(std::string message) {
  return {CaseVerdict::Kind::wrong, std::move(message)};
}
CaseVerdict error(std::string message) {
  return {CaseVerdict::Kind::error, std::move(message)};
}

std::string describe_thrown(const protocol::Thrown& t) {
  return t.what.empty() ? t.type : t.type + " (\"" + t.what.substr(0, 200) + "\")";
}

}  // namespace

bool can_check(std::string_view name) {
  return name == "equal" || find_property(name) != nullptr || is_statistical_check(name);
}

std::optional<Mismatch> find_mismatch(const Value& expected, const Value& actual, const Tolerance& tolerance) {
  std::optional<Mismatch> worst;
  compare_into(expected, actual, tolerance, "", worst);
  return worst;
}

/// The fields of a struct result that `test` grades: all, unless its spec
/// names some (compare:). A name the reference's result lacks is a course
/// mistake, never a learner's.
Value graded_fields(const Value& value, const TestSpec& test, bool reference) {
  const auto* record = std::get_if<Record>(&value.data);
  if (test.compared_fields.empty() || record == nullptr) return value;
  Record kept;
  for (const auto& name : test.compared_fields) {
    const auto at = std::find(record->names.begin(), record->names.end(), name);
    if (at == record->names.end()) {
      if (reference)
        throw CourseError("test '" + test.name + "' (line " + std::to_string(test.line) + ") compares the field '" +
                          name + "', which its result does not have");
      continue;
    }
    kept.names.push_back(name);
    kept.values.push_back(record->values[static_cast<std::size_t>(at - record->names.begin())]);
  }
  return Value(std::move(kept));
}

namespace {

/// For two matrices of one shape, which rows hold an entry out of tolerance.
std::vector<bool> rows_out_of_tolerance(const Value& expected, const Value& actual, const Tolerance& tolerance) {
  const auto* e = std::get_if<Matrix>(&expected.data);
  const auto* a = std::get_if<Matrix>(&actual.data);
  if (e == nullptr || a == nullptr || e->rows != a->rows || e->cols != a->cols) return {};
  std::vector<bool> rows(e->rows, false);
  for (std::size_t r = 0; r < e->rows; ++r) {
    for (std::size_t c = 0; c < e->cols; ++c) {
      const double x = e->at(r, c), y = a->at(r, c);
      const bool same =
          (std::isnan(x) && std::isnan(y)) || x == y || std::abs(y - x) <= tolerance.abs + tolerance.rel * std::abs(x);
      if (!same) rows[r] = true;
    }
  }
  return rows;
}

/// Lines after the first indented like the rest of a case's message.
std::string indent_continuation(const std::string& text) {
  std::string out;
  for (const char ch : text) out += ch == '\n' ? std::string("\n  ") : std::string(1, ch);
  return out;
}

}  // namespace

CaseVerdict judge_case(const TestSpec& test, const List& args, const Outcome& expected, const Outcome& actual) {
  if (actual.threw()) {
    const auto& thrown = actual.thrown();
    if (thrown.type == protocol::not_implemented_type)
      return {CaseVerdict::Kind::not_implemented,
              "not implemented yet (the stub still throws mathlings::not_implemented)"};
    if (thrown.type == protocol::bad_alloc_type)
      return {CaseVerdict::Kind::memory_limit, "ran out of memory (std::bad_alloc): the memory limit is " +
                                                   format_number(test.memory_limit_mib) + " MiB"};
    if (expected.threw()) {
      if (thrown.type == expected.thrown().type) return {};
      return error("expected " + expected.thrown().type + " to be thrown, but it threw " + describe_thrown(thrown));
    }
    return error("threw " + describe_thrown(thrown) +
                 " where a result was expected: " + format_value(expected.value()));
  }
  if (expected.threw()) {
    return error("expected " + expected.thrown().type + " to be thrown, but it returned " +
                 format_value(actual.value()));
  }

  const Value e = graded_fields(expected.value(), test, true);
  const Value a = graded_fields(actual.value(), test, false);
  if (test.check == "equal") {
    const auto mismatch = find_mismatch(e, a, test.tolerance);
    if (!mismatch) return {};
    if (mismatch->shape) {
      return wrong("expected " + mismatch->expected + (mismatch->where.empty() ? "" : " at " + mismatch->where) +
                   ", got " + mismatch->actual + "\n  expected: " + format_value(e) +
                   "\n  actual:   " + format_value(a));
    }
    const auto matrices = format_matrices_side_by_side(e, a, rows_out_of_tolerance(e, a, test.tolerance));
    std::string message =
        matrices ? indent_continuation(*matrices) : "expected: " + format_value(e) + "\n  actual:   " + format_value(a);
    message += "\n  worst entry" + (mismatch->where.empty() ? std::string() : " " + mismatch->where) + ": expected " +
               mismatch->expected + ", got " + mismatch->actual + " (tolerance " + tolerance_text(test.tolerance) + ")";
    return wrong(message);
  }

  if (is_statistical_check(test.check)) {
    if (auto problem = check_statistically(test.check, args, e, a, test.standard_errors))
      return wrong(*problem + "\n  result: " + format_value(a));
    return {};
  }

  // A property check: the shape must still be what the reference returned.
  if (const auto mismatch = find_mismatch(e, a, Tolerance{infinite, 0}); mismatch && mismatch->shape) {
    return wrong("expected " + mismatch->expected + ", got " + mismatch->actual);
  }
  if (!all_finite(a)) return wrong("the result contains NaN or infinity: " + format_value(a));
  const Residual r = find_property(test.check)(args, a);
  const double allowed = test.tolerance.abs + test.tolerance.rel * r.scale;
  if (r.value <= allowed) return {};
  return wrong(r.what + " = " + format_number(r.value) + ", more than the " + format_number(allowed) +
               " allowed (abs " + format_number(test.tolerance.abs) + " + rel " + format_number(test.tolerance.rel) +
               " × scale " + format_number(r.scale) + ")\n  result: " + format_value(a) +
               "\n  a reference answer: " + format_value(e));
}

}  // namespace mathlings
