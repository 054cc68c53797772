#include "judge/compare.hpp"
#include "model/spec_vocabulary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "judge/statistical_checks.hpp"

namespace mathlings {
namespace {

using protocol::Outcome;
using protocol::Thrown;

TestSpec test_with(Tolerance t, std::string check = "equal") {
  TestSpec spec;
  spec.function = "f";
  spec.tolerance = t;
  spec.check = std::move(check);
  return spec;
}

Outcome value(Value v) {
  return Outcome{std::move(v)};
}
Outcome thrown(std::string type) {
  return Outcome{Thrown{std::move(type), "why"}};
}

/// An exact fit: t is ±∞ to one right answer and 1e14 to another. A test
/// that names the fields it grades leaves t alone, and grades the rest.
TEST(Compare, EveryCheckASpecMayNameIsOneTheJudgeImplements) {
  EXPECT_TRUE(can_check("equal"));
  for (const auto check : property_checks()) {
    EXPECT_TRUE(can_check(check)) << check;
    EXPECT_EQ(is_statistical_check(check), is_statistical(check)) << check;
  }
  EXPECT_FALSE(can_check("roughly"));
}

TEST(Compare, ATestGradesOnlyTheFieldsItNames) {
  const auto fit = [](double t, double sd) {
    Record r;
    r.names = {"beta", "t_stat", "residual_sd"};
    r.values = {Value(std::vector<double>{1.5, 2}), Value(std::vector<double>{t, t}), Value(sd)};
    return Value(std::move(r));
  };
  const double inf = std::numeric_limits<double>::infinity();
  TestSpec spec = test_with({1e-9, 1e-8});
  EXPECT_EQ(judge_case(spec, {}, value(fit(inf, 0)), value(fit(1e14, 1e-15))).kind, CaseVerdict::Kind::wrong);
  spec.compared_fields = {"beta", "residual_sd"};
  EXPECT_EQ(judge_case(spec, {}, value(fit(inf, 0)), value(fit(1e14, 1e-15))).kind, CaseVerdict::Kind::passed);
  EXPECT_EQ(judge_case(spec, {}, value(fit(inf, 0)), value(fit(1e14, 0.5))).kind, CaseVerdict::Kind::wrong);
  spec.compared_fields = {"beta", "r_squared"};  // a field the result lacks: the course's mistake
  EXPECT_THROW(judge_case(spec, {}, value(fit(inf, 0)), value(fit(inf, 0))), CourseError);
}

TEST(Compare, AbsoluteAndRelativeToleranceAddUp) {
  const Tolerance t{1e-6, 1e-3};
  EXPECT_FALSE(find_mismatch(Value(1000.0), Value(1000.9), t));  // 0.9 ≤ 1e-6 + 1
  EXPECT_TRUE(find_mismatch(Value(1000.0), Value(1001.1), t));
  EXPECT_FALSE(find_mismatch(Value(0.0), Value(1e-7), t));
  EXPECT_TRUE(find_mismatch(Value(0.0), Value(1e-5), t));
}

TEST(Compare, NanAndInfinityEqualOnlyThemselves) {
  const Tolerance loose{1e9, 0.5};
  EXPECT_TRUE(find_mismatch(Value(1.0), Value(std::nan("")), loose));
  EXPECT_TRUE(find_mismatch(Value(1.0), Value(INFINITY), loose));
  EXPECT_TRUE(find_mismatch(Value(INFINITY), Value(-INFINITY), loose));
  EXPECT_FALSE(find_mismatch(Value(INFINITY), Value(INFINITY), loose));
}

TEST(Compare, ReportsTheWorstEntryOfAMatrix) {
  const Value e(Matrix{2, 2, {1, 2, 3, 4}});
  const Value a(Matrix{2, 2, {1, 2.1, 3, 5}});
  const auto m = find_mismatch(e, a, {0, 1e-9});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->where, "(1, 1)");
  EXPECT_EQ(m->expected, "4");
  EXPECT_EQ(m->actual, "5");
}

TEST(Compare, ShapeDifferencesAreNamed) {
  const auto m = find_mismatch(Value(std::vector<double>{1, 2}), Value(std::vector<double>{1, 2, 3}), {});
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->shape);
  EXPECT_EQ(m->expected, "a vector of 2 entries");
  EXPECT_EQ(m->actual, "a vector of 3 entries");
}

TEST(Compare, WrongAnswerMessageShowsExpectedActualAndTolerance) {
  const auto v =
      judge_case(test_with({1e-9, 1e-9}), {}, value(std::vector<double>{0, 9}), value(std::vector<double>{0, 9.5}));
  EXPECT_EQ(v.kind, CaseVerdict::Kind::wrong);
  EXPECT_NE(v.message.find("expected: [0, 9]"), std::string::npos) << v.message;
  EXPECT_NE(v.message.find("actual:   [0, 9.5]"), std::string::npos) << v.message;
  EXPECT_NE(v.message.find("worst entry [1]"), std::string::npos) << v.message;
  EXPECT_NE(v.message.find("tolerance abs 1e-09"), std::string::npos) << v.message;
}

TEST(Compare, ExpectedExceptionsAreMatchedByType) {
  const auto spec = test_with({});
  EXPECT_EQ(judge_case(spec, {}, thrown("std::domain_error"), thrown("std::domain_error")).kind,
            CaseVerdict::Kind::passed);
  EXPECT_EQ(judge_case(spec, {}, thrown("std::domain_error"), thrown("std::runtime_error")).kind,
            CaseVerdict::Kind::error);
  EXPECT_EQ(judge_case(spec, {}, thrown("std::domain_error"), value(1.0)).kind, CaseVerdict::Kind::error);
  EXPECT_EQ(judge_case(spec, {}, value(1.0), thrown("std::invalid_argument")).kind, CaseVerdict::Kind::error);
  EXPECT_EQ(judge_case(spec, {}, value(1.0), thrown("mathlings::not_implemented")).kind,
            CaseVerdict::Kind::not_implemented);
  EXPECT_EQ(judge_case(spec, {}, value(1.0), thrown("std::bad_alloc")).kind, CaseVerdict::Kind::memory_limit);
}

TEST(Compare, ResidualCheckAcceptsAnyGoodSolution) {
  const List args{Value(Matrix{2, 2, {2, 0, 0, 4}}), Value(std::vector<double>{2, 4})};
  const auto spec = test_with({0, 1e-12}, "solves_system");
  const auto reference = value(std::vector<double>{1, 1});
  EXPECT_EQ(judge_case(spec, args, reference, value(std::vector<double>{1, 1 + 1e-15})).kind,
            CaseVerdict::Kind::passed);
  EXPECT_EQ(judge_case(spec, args, reference, value(std::vector<double>{1, 1.1})).kind, CaseVerdict::Kind::wrong);
  EXPECT_EQ(judge_case(spec, args, reference, value(std::vector<double>{1, std::nan("")})).kind,
            CaseVerdict::Kind::wrong);
  EXPECT_EQ(judge_case(spec, args, reference, value(std::vector<double>{1})).kind, CaseVerdict::Kind::wrong);
}

TEST(Compare, LongValuesAreAbbreviatedKeepingTheLastEntry) {
  EXPECT_EQ(format_value(Value(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}), 6), "[1, 2, 3, 4, …, 8] (8 entries)");
  EXPECT_EQ(format_value(Value(std::vector<double>{1, 2, 3}), 6), "[1, 2, 3]");
}

TEST(Compare, KnowsItsChecks) {
  EXPECT_TRUE(is_known_check("equal"));
  EXPECT_TRUE(is_known_check("inverse_of"));
  EXPECT_FALSE(is_known_check("close_enough"));
}

}  // namespace
}  // namespace mathlings
