// A lesson's figures: each kind of series computed from the course's
// functions (here a stand-in that answers as they would), the learner's drawn
// over them where their code answers, and errors that name the lesson's line.
#include "model/figures.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/errors.hpp"
#include "base/json.hpp"

namespace mathlings {
namespace {

using Points = std::vector<std::pair<double, double>>;

double number(const Value& v) {
  return v.is<double>() ? v.as<double>() : static_cast<double>(v.as<std::int64_t>());
}

/// Answers as a course's reference solutions would; counts the processes it was asked to start.
struct Reference {
  int processes = 0;
  std::vector<Value> operator()(const std::string& function, const std::vector<List>& calls) {
    ++processes;
    std::vector<Value> results;
    for (const List& args : calls) {
      if (function == "cost_history")
        results.emplace_back(std::vector<double>{3, 2, 1.5});
      else if (function == "fit_line")
        results.emplace_back(Record{{"coefficients", "r2"}, {std::vector<double>{1, 2}, 0.9}});
      else if (function == "eigenpair")
        results.emplace_back(Record{{"value", "vector"}, {3.0, std::vector<double>{0.6, 0.8}}});
      else if (function == "components")  // a PCA: the mean, two components as columns, their variances
        results.emplace_back(
            Record{{"mean", "components", "explained_variance"},
                   {std::vector<double>{1, 2}, Matrix{2, 2, {0.6, -0.8, 0.8, 0.6}}, std::vector<double>{25, 4}}});
      else if (function == "square")
        results.emplace_back(number(args[0]) * number(args[0]));
      else if (function == "sum")
        results.emplace_back(number(args[0]) + number(args[1]));
      else
        throw CourseError("no function " + function);
    }
    return results;
  }
};

class Figures : public ::testing::Test {
 protected:
  Reference reference;
  CourseCall call = [this](const std::string& f, const std::vector<List>& calls) { return reference(f, calls); };
  Figure figure(const std::string& yaml, const LearnerCall& learner = {}) {
    return compute_figure(yaml, "lessons/01/README.md", 20, call, learner);
  }
  static Points points(const Figure& f, std::size_t series) { return f.series.at(series).points; }
};

TEST_F(Figures, AVectorResultIsASeriesAlongX) {
  const Figure f = figure(
      "title: Costs\nx: iteration\ny: J\nlog_y: true\nseries:\n"
      "  - label: cost\n    call: cost_history\n    args: [1, 2]\n    x_start: 1\n");
  EXPECT_EQ(f.title, "Costs");
  EXPECT_EQ(f.x_label, "iteration");
  EXPECT_EQ(f.y_label, "J");
  EXPECT_TRUE(f.log_y);
  ASSERT_EQ(f.series.size(), 1u);
  EXPECT_EQ(f.series[0].label, "cost");
  EXPECT_EQ(f.series[0].style, "line");
  EXPECT_FALSE(f.series[0].learners);
  EXPECT_EQ(points(f, 0), (Points{{1, 3}, {2, 2}, {3, 1.5}}));
}

TEST_F(Figures, AFittedLineItsResidualsAndAPoint) {
  const Figure f = figure(
      "title: Fit\nseries:\n"
      "  - {label: fit, call: fit_line, args: [], y: coefficients, line: [0, 2]}\n"
      "  - {label: residuals, call: fit_line, args: [], y: coefficients, residuals: [[1, 4]]}\n"
      "  - {label: coefficients, style: points, call: fit_line, args: [], y: coefficients, point: [1, 0]}\n"
      "  - {label: data, style: points, points: [[0, 1.5], [1, 2.5]]}\n");
  ASSERT_EQ(f.series.size(), 4u);
  EXPECT_EQ(points(f, 0), (Points{{0, 1}, {2, 5}}));
  const Points residual = points(f, 1);
  ASSERT_EQ(residual.size(), 3u);
  EXPECT_EQ(residual[0], (std::pair<double, double>{1, 4}));
  EXPECT_EQ(residual[1], (std::pair<double, double>{1, 3}));  // down to the line at x = 1
  EXPECT_TRUE(std::isnan(residual[2].first));                 // a gap before the next segment
  EXPECT_EQ(points(f, 2), (Points{{2, 1}}));
  EXPECT_EQ(f.series[2].style, "points");
  EXPECT_EQ(points(f, 3), (Points{{0, 1.5}, {1, 2.5}}));
}

TEST_F(Figures, SegmentsAlongAVectorOrAMatrixColumnScaledByAField) {
  const Figure f = figure(
      "title: Axes\nequal_axes: true\nseries:\n"
      "  - {label: λv, call: eigenpair, args: [], segment: {direction: vector, scale: value}}\n"
      "  - {label: v, call: eigenpair, args: [], segment: {direction: vector, scale: -2}}\n"
      "  - {label: second axis, call: components, args: [], segment: {direction: components, column: 1, from: mean,"
      " scale: explained_variance, sqrt: true, factor: 2, both_ways: true}}\n");
  EXPECT_TRUE(f.equal_axes);
  ASSERT_EQ(f.series.size(), 3u);
  const Points scaled = points(f, 0);
  ASSERT_EQ(scaled.size(), 2u);
  EXPECT_EQ(scaled[0], (std::pair<double, double>{0, 0}));
  EXPECT_NEAR(scaled[1].first, 1.8, 1e-12);
  EXPECT_NEAR(scaled[1].second, 2.4, 1e-12);
  const Points reversed = points(f, 1);
  EXPECT_NEAR(reversed[1].first, -1.2, 1e-12);
  // Column 1 is (−0.8, 0.6); ±2·√4 = ±4 of it around the mean (1, 2).
  const Points axis = points(f, 2);
  ASSERT_EQ(axis.size(), 2u);
  EXPECT_NEAR(axis[0].first, 1 + 3.2, 1e-12);
  EXPECT_NEAR(axis[0].second, 2 - 2.4, 1e-12);
  EXPECT_NEAR(axis[1].first, 1 - 3.2, 1e-12);
  EXPECT_NEAR(axis[1].second, 2 + 2.4, 1e-12);
  EXPECT_NE(figure_json(f).find("\"equal_axes\": true"), std::string::npos);
}

TEST_F(Figures, AHistogramIsADensityOutline) {
  // cost_history answers {3, 2, 1.5}: over [1, 3] in 2 bins, 1.5 in the first and 2 and 3 (the end) in the second;
  // over [2.5, 4] only 3 falls, and the density is over all three values.
  const Figure outside = figure(
      "title: H\nseries:\n  - {label: h, call: cost_history, args: [], histogram: {from: 2.5, "
      "to: 4, bins: 1}}\n");
  EXPECT_EQ(points(outside, 0), (Points{{2.5, 0}, {2.5, 1.0 / 3 / 1.5}, {4, 1.0 / 3 / 1.5}, {4, 0}}));
  const Figure f =
      figure("title: H\nseries:\n  - {label: h, call: cost_history, args: [], histogram: {from: 1, to: 3, bins: 2}}\n");
  EXPECT_EQ(points(f, 0), (Points{{1, 0}, {1, 1.0 / 3}, {2, 1.0 / 3}, {2, 2.0 / 3}, {3, 2.0 / 3}, {3, 0}}));
}

TEST_F(Figures, TheUnitCircleMappedByAMatrixIsAClosedEllipse) {
  const Figure f = figure("title: A map\nseries:\n  - {label: A·circle, image_of_unit_circle: [[2, 1], [1, 2]]}\n");
  const Points ellipse = points(f, 0);
  ASSERT_GT(ellipse.size(), 100u);
  EXPECT_EQ(ellipse.front(), (std::pair<double, double>{2, 1}));  // A·(1, 0), A's first column
  EXPECT_NEAR(ellipse.back().first, 2, 1e-12);
  EXPECT_NEAR(ellipse.back().second, 1, 1e-12);
  double longest = 0;
  for (const auto& [x, y] : ellipse) longest = std::max(longest, std::hypot(x, y));
  EXPECT_NEAR(longest, 3, 1e-2);  // the largest eigenvalue: the ellipse's half-axis along (1, 1)
  EXPECT_EQ(reference.processes, 0);
}

TEST_F(Figures, ASweepOfOneArgumentIsOneProcess) {
  const Figure f = figure(
      "title: Squares\nseries:\n  - {label: x², call: square, args: [0.0], vary: {arg: 0, from: 0, to: 2, step: "
      "0.5}}\n");
  EXPECT_EQ(points(f, 0), (Points{{0, 0}, {0.5, 0.25}, {1, 1}, {1.5, 2.25}, {2, 4}}));
  EXPECT_EQ(reference.processes, 1);
}

TEST_F(Figures, ContoursAreWhereTheFunctionCrossesEachLevel) {
  // x + y over the unit square crosses 1 on the diagonal from (1, 0) to (0, 1).
  const Figure f = figure(
      "title: Levels\nseries:\n  - label: level 1\n    call: sum\n    args: [0.0, 0.0]\n"
      "    contours: {x_arg: 0, x: [0, 1, 1], y_arg: 1, y: [0, 1, 1], levels: [1]}\n");
  const Points segment = points(f, 0);
  ASSERT_EQ(segment.size(), 3u);
  EXPECT_EQ(segment[0], (std::pair<double, double>{1, 0}));
  EXPECT_EQ(segment[1], (std::pair<double, double>{0, 1}));
  EXPECT_TRUE(std::isnan(segment[2].first));
}

TEST_F(Figures, TheLearnersSeriesIsDrawnOverTheReferenceWhereTheirCodeAnswers) {
  const std::string yaml =
      "title: Costs\nseries:\n  - {label: cost, style: area, call: cost_history, args: []}\n"
      "  - {label: data, points: [[0, 0]]}\n";
  const Figure theirs = figure(yaml, [](const std::string&, const std::vector<List>&) {
    return std::optional<std::vector<Value>>{{Value(std::vector<double>{4, 3})}};
  });
  ASSERT_EQ(theirs.series.size(), 3u);  // the learner's comes after every reference series
  EXPECT_EQ(theirs.series[2].label, "yours: cost");
  EXPECT_TRUE(theirs.series[2].learners);
  EXPECT_EQ(theirs.series[2].style, "line");  // drawn over the area, not hiding it
  EXPECT_EQ(points(theirs, 2), (Points{{0, 4}, {1, 3}}));
  // A stub, or an answer of the wrong shape: the reference's alone.
  const auto stub = [](const std::string&, const std::vector<List>&) { return std::optional<std::vector<Value>>{}; };
  EXPECT_EQ(figure(yaml, stub).series.size(), 2u);
  const auto wrong_shape = [](const std::string&, const std::vector<List>&) {
    return std::optional<std::vector<Value>>{{Value("text")}};
  };
  EXPECT_EQ(figure(yaml, wrong_shape).series.size(), 2u);
}

TEST_F(Figures, MistakesInAFigureNameTheLessonsLine) {
  const auto error_of = [&](const std::string& yaml) -> std::string {
    try {
      figure(yaml);
    } catch (const CourseError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: cost_history, args: [], colour: red}\n"),
            "lessons/01/README.md:22: series[0].colour: unknown key (expected one of: label, style, call, args, x, y, "
            "x_start, point, vary, line, residuals, contours, segment, histogram, points, image_of_unit_circle)");
  EXPECT_EQ(error_of("title: t\nseries: []\n"), "lessons/01/README.md:21: series: expected a list of series");
  EXPECT_EQ(error_of("series:\n  - {label: a, points: []}\n"), "lessons/01/README.md:20: figure.title: missing");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, style: bars, points: []}\n"),
            "lessons/01/README.md:22: series[0].style: line, points or area");
  const std::string no_field = error_of("title: t\nseries:\n  - {label: a, call: fit_line, args: [], y: slope}\n");
  EXPECT_EQ(no_field, "lessons/01/README.md:22: series[0]: the result has no field 'slope'");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: fit_line, args: [], segment: {direction: r2}}\n"),
            "lessons/01/README.md:22: series[0].segment: field 'r2' is not a vector of 2 entries");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: cost_history, args: [], histogram: {from: 1, to: 1, "
                     "bins: 2}}\n"),
            "lessons/01/README.md:22: series[0].histogram: needs from < to and 1 to 500 bins");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: cost_history, args: [], histogram: {from: 0, to: 1, "
                     "bins: 0}}\n"),
            "lessons/01/README.md:22: series[0].histogram: needs from < to and 1 to 500 bins");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: fit_line, args: [], segment: {direction: coefficients, "
                     "column: -1}}\n"),
            "lessons/01/README.md:22: series[0].segment.column: a column index, 0 or more");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: fit_line, args: [], segment: {direction: coefficients, "
                     "scale: -4, sqrt: true}}\n"),
            "lessons/01/README.md:22: series[0].segment.sqrt: the square root of a negative scale (-4)");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: cost_history, args: [], x_start: 1, points: [[0, 1]], "
                     "histogram: {from: 0, to: 1, bins: 2}}\n"),
            "lessons/01/README.md:22: series[0]: one kind of series each: point, vary, line, residuals, contours, "
            "segment, histogram, points or image_of_unit_circle");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, call: cost_history, image_of_unit_circle: [[1, 0], [0, 1]]}\n"),
            "lessons/01/README.md:22: series[0].call: literal points are drawn as given, without a call");
  EXPECT_EQ(error_of("title: t\nlog_y: true\nequal_axes: true\nseries:\n  - {label: a, points: [[1, 1]]}\n"),
            "lessons/01/README.md:22: equal_axes: a logarithmic axis has no unit to equal the other's");
  EXPECT_EQ(error_of("title: t\nseries:\n  - {label: a, image_of_unit_circle: [[1, 2, 3]]}\n"),
            "lessons/01/README.md:22: series[0].image_of_unit_circle: expected a 2×2 matrix [[a, b], [c, d]]");
}

TEST(FigureJson, IsDataForThePageScriptThatCannotEndIt) {
  Figure f{"Costs </script><script>alert(1)", "x", "y", false, false, {}};
  f.series.push_back({"a \"b\"", "points", true, {{0, 1.5}, {NAN, INFINITY}}});
  const std::string json = figure_json(f);
  EXPECT_EQ(json.find("</"), std::string::npos) << json;
  EXPECT_EQ(
      json,
      R"j({"title": "Costs <\/script><script>alert(1)", "x": "x", "y": "y", "log_y": false, "equal_axes": false, "series": [)j"
      R"j({"label": "a \"b\"", "style": "points", "yours": true, "points": [[0, 1.5], [null, null]]}]})j");
}

Figure two_series() {
  Figure figure;
  figure.title = "Loss </script> \"per\" step";
  figure.x_label = "step";
  figure.y_label = "loss";
  figure.log_y = true;
  figure.series.push_back({"reference", "line", false, {{0, 1}, {1, 0.5}, {2, std::nan("")}}});
  figure.series.push_back({"yours: reference", "points", true, {}});
  return figure;
}

TEST(Figure, JsonIsOneLineInTheFieldsOrder) {
  EXPECT_EQ(
      figure_json(two_series()),
      R"({"title": "Loss <\/script> \"per\" step", "x": "step", "y": "loss", "log_y": true, "equal_axes": false, "series": [)"
      R"({"label": "reference", "style": "line", "yours": false, "points": [[0, 1], [1, 0.5], [2, null]]}, )"
      R"({"label": "yours: reference", "style": "points", "yours": true, "points": []}]})");
}

TEST(Figure, JsonCannotEndItsScriptElementAndReadsBack) {
  const std::string json = figure_json(two_series());
  EXPECT_EQ(json.find("</"), std::string::npos);
  const Json read = parse_json(json, "figure");
  EXPECT_EQ(read["title"], "Loss </script> \"per\" step");
  EXPECT_TRUE(read["series"][0]["points"][2][1].is_null());  // Chart.js leaves a gap
}

}  // namespace
}  // namespace mathlings
