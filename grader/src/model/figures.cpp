#include "model/figures.hpp"

#include <cmath>
#include <numbers>

#include "base/errors.hpp"
#include "base/json.hpp"
#include "base/text.hpp"
#include "base/yaml_reader.hpp"
#include "model/value_numbers.hpp"

namespace mathlings {
namespace {

Value field(const Value& v, const std::string& name) {
  if (name.empty()) return v;
  if (const auto* r = std::get_if<Record>(&v.data)) {
    for (std::size_t k = 0; k < r->names.size(); ++k)
      if (r->names[k] == name) return r->values[k];
  }
  throw CourseError("the result has no field '" + name + "'");
}

/// The level curves of f over a grid, by marching squares: for each cell and
/// level, the segment where the interpolated f crosses the level; segments
/// separated by a gap (NaN), in one series.
std::vector<std::pair<double, double>> contour_points(const YamlReader& yaml, const YAML::Node& spec,
                                                      const std::string& where, const std::string& function,
                                                      const List& args, const CourseCall& answer) {
  yaml.expect_keys(spec, where, {"x_arg", "x", "y_arg", "y", "levels"});
  const auto axis = [&](const char* key) {
    const YAML::Node range = spec[key];
    if (!range.IsSequence() || range.size() != 3) yaml.fail(range, where + "." + key, "expected [from, to, step]");
    const double from = range[0].as<double>(), to = range[1].as<double>(), step = range[2].as<double>();
    if (!(step > 0) || (to - from) / step > 200) yaml.fail(range, where + "." + key, "at most 200 steps");
    std::vector<double> values;
    for (long n = 0; n <= static_cast<long>(std::floor((to - from) / step + 1e-9)); ++n)
      values.push_back(from + static_cast<double>(n) * step);
    return values;
  };
  const auto xs = axis("x"), ys = axis("y");
  const auto xi = static_cast<std::size_t>(yaml.integer(spec["x_arg"], where + ".x_arg"));
  const auto yi = static_cast<std::size_t>(yaml.integer(spec["y_arg"], where + ".y_arg"));
  if (xi >= args.size() || yi >= args.size()) yaml.fail(spec, where, "x_arg and y_arg are arguments of the call");
  std::vector<List> calls;
  for (const double y : ys) {
    for (const double x : xs) {
      List at = args;
      at[xi] = Value(x);
      at[yi] = Value(y);
      calls.push_back(std::move(at));
    }
  }
  const std::vector<Value> results = answer(function, calls);
  if (results.size() != calls.size()) throw CourseError(function + " did not answer every point of the grid");
  const auto f = [&](std::size_t i, std::size_t j) { return number_in(results[j * xs.size() + i]); };
  std::vector<std::pair<double, double>> points;
  for (const auto& level_node : spec["levels"]) {
    const double level = level_node.as<double>();
    for (std::size_t j = 0; j + 1 < ys.size(); ++j) {
      for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        // The cell's corners in order around it, and where each edge crosses the level.
        const double corner[4] = {f(i, j), f(i + 1, j), f(i + 1, j + 1), f(i, j + 1)};
        const double cx[4] = {xs[i], xs[i + 1], xs[i + 1], xs[i]}, cy[4] = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
        std::vector<std::pair<double, double>> crossings;
        for (int e = 0; e < 4; ++e) {
          const int n = (e + 1) % 4;
          const double a = corner[e] - level, b = corner[n] - level;
          if ((a < 0) == (b < 0)) continue;
          const double t = a / (a - b);
          crossings.emplace_back(cx[e] + t * (cx[n] - cx[e]), cy[e] + t * (cy[n] - cy[e]));
        }
        for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) {  // a saddle gives two segments
          points.push_back(crossings[c]);
          points.push_back(crossings[c + 1]);
          points.emplace_back(NAN, NAN);
        }
      }
    }
  }
  return points;
}

/// One segment of a `segment` series (see the header), from the call's result.
std::vector<std::pair<double, double>> segment_points(const YamlReader& yaml, const YAML::Node& spec,
                                                      const std::string& where, const Value& result) {
  yaml.expect_keys(spec, where, {"direction", "column", "from", "scale", "sqrt", "factor", "both_ways"});
  const long column_number = spec["column"] ? yaml.integer(spec["column"], where + ".column") : 0;
  if (column_number < 0) yaml.fail(spec["column"], where + ".column", "a column index, 0 or more");
  const auto column = static_cast<std::size_t>(column_number);
  const auto vector_of = [&](const Value& v, const std::string& name) {
    if (const auto* m = std::get_if<Matrix>(&v.data)) {
      if (m->rows != 2 || column >= m->cols)
        yaml.fail(spec, where, "field '" + name + "' has no column " + std::to_string(column) + " of 2 rows");
      return std::pair<double, double>{m->at(0, column), m->at(1, column)};
    }
    const std::vector<double> entries = numbers_in(v);
    if (entries.size() != 2) yaml.fail(spec, where, "field '" + name + "' is not a vector of 2 entries");
    return std::pair<double, double>{entries[0], entries[1]};
  };
  const std::string direction_field = yaml.string(yaml.require(spec, where, "direction"), where + ".direction");
  const auto [dx, dy] = vector_of(field(result, direction_field), direction_field);
  std::pair<double, double> from{0, 0};
  if (spec["from"]) {
    const std::string name = yaml.string(spec["from"], where + ".from");
    from = vector_of(field(result, name), name);
  }
  double scale = 1;
  if (const YAML::Node s = spec["scale"]) {  // a number, or the name of a field
    if (!YAML::convert<double>::decode(s, scale)) {
      const std::vector<double> entries = numbers_in(field(result, yaml.string(s, where + ".scale")));
      const std::size_t at = entries.size() == 1 ? 0 : column;
      if (at >= entries.size()) yaml.fail(s, where + ".scale", "has no entry " + std::to_string(column));
      scale = entries[at];
    }
  }
  if (spec["sqrt"] && spec["sqrt"].as<bool>()) {
    if (!(scale >= 0))
      yaml.fail(spec, where + ".sqrt", "the square root of a negative scale (" + format_number(scale) + ")");
    scale = std::sqrt(scale);
  }
  if (spec["factor"]) scale *= yaml.number(spec["factor"], where + ".factor");
  const bool both_ways = spec["both_ways"] && spec["both_ways"].as<bool>();
  const double back = both_ways ? scale : 0;
  return {{from.first - back * dx, from.second - back * dy}, {from.first + scale * dx, from.second + scale * dy}};
}

/// The outline of a histogram of `values`, as a density (each bar's count
/// over the number of values and the bar's width): steps along the bars'
/// tops, from the axis at `from` back down to it at `to`.
std::vector<std::pair<double, double>> histogram_points(const YamlReader& yaml, const YAML::Node& spec,
                                                        const std::string& where, const std::vector<double>& values) {
  yaml.expect_keys(spec, where, {"from", "to", "bins"});
  const double from = yaml.number(yaml.require(spec, where, "from"), where + ".from");
  const double to = yaml.number(yaml.require(spec, where, "to"), where + ".to");
  const long bins = yaml.integer(yaml.require(spec, where, "bins"), where + ".bins");
  if (!(to > from) || bins < 1 || bins > 500) yaml.fail(spec, where, "needs from < to and 1 to 500 bins");
  const double width = (to - from) / static_cast<double>(bins);
  std::vector<double> counts(static_cast<std::size_t>(bins), 0);
  for (const double v : values) {
    if (!(v >= from && v <= to)) continue;
    counts[std::min(static_cast<std::size_t>((v - from) / width), counts.size() - 1)] += 1;
  }
  std::vector<std::pair<double, double>> points{{from, 0}};
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const double height = values.empty() ? 0 : counts[k] / (static_cast<double>(values.size()) * width);
    points.emplace_back(from + static_cast<double>(k) * width, height);
    points.emplace_back(from + static_cast<double>(k + 1) * width, height);
  }
  points.emplace_back(to, 0);
  return points;
}

/// The ellipse a 2×2 matrix maps the unit circle to, closed, 120 steps round.
std::vector<std::pair<double, double>> image_of_unit_circle(const YamlReader& yaml, const YAML::Node& spec,
                                                            const std::string& where) {
  if (!spec.IsSequence() || spec.size() != 2 || !spec[0].IsSequence() || spec[0].size() != 2 || !spec[1].IsSequence() ||
      spec[1].size() != 2)
    yaml.fail(spec, where, "expected a 2×2 matrix [[a, b], [c, d]]");
  const double a = spec[0][0].as<double>(), b = spec[0][1].as<double>();
  const double c = spec[1][0].as<double>(), d = spec[1][1].as<double>();
  constexpr int steps = 120;
  std::vector<std::pair<double, double>> points;
  for (int k = 0; k <= steps; ++k) {
    const double t = 2 * std::numbers::pi * k / steps;
    points.emplace_back(a * std::cos(t) + b * std::sin(t), c * std::cos(t) + d * std::sin(t));
  }
  return points;
}

}  // namespace

Figure compute_figure(const std::string& yaml_text, const std::filesystem::path& file, int first_line,
                      const CourseCall& call, const LearnerCall& learner) {
  const YamlReader yaml(yaml_text, file, first_line);
  const YAML::Node& root = yaml.root();
  yaml.expect_keys(root, "figure", {"title", "x", "y", "log_y", "equal_axes", "series"});
  if (root["log_y"] && root["equal_axes"] && root["log_y"].as<bool>() && root["equal_axes"].as<bool>())
    yaml.fail(root["equal_axes"], "equal_axes", "a logarithmic axis has no unit to equal the other's");
  Figure figure;
  figure.title = yaml.string(yaml.require(root, "figure", "title"), "title");
  if (root["x"]) figure.x_label = yaml.string(root["x"], "x");
  if (root["y"]) figure.y_label = yaml.string(root["y"], "y");
  if (root["log_y"]) figure.log_y = root["log_y"].as<bool>();
  if (root["equal_axes"]) figure.equal_axes = root["equal_axes"].as<bool>();
  const YAML::Node list = yaml.require(root, "figure", "series");
  if (!list.IsSequence() || list.size() == 0) yaml.fail(list, "series", "expected a list of series");
  std::vector<Series> learner_series;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const YAML::Node node = list[k];
    const std::string where = "series[" + std::to_string(k) + "]";
    yaml.expect_keys(node, where,
                     {"label", "style", "call", "args", "x", "y", "x_start", "point", "vary", "line", "residuals",
                      "contours", "segment", "histogram", "points", "image_of_unit_circle"});
    int kinds = 0;  // a series is one kind: two would silently drop one
    for (const char* kind :
         {"point", "vary", "line", "residuals", "contours", "segment", "histogram", "points", "image_of_unit_circle"})
      kinds += node[kind] ? 1 : 0;
    if (kinds > 1)
      yaml.fail(node, where,
                "one kind of series each: point, vary, line, residuals, contours, segment, "
                "histogram, points or image_of_unit_circle");
    if ((node["points"] || node["image_of_unit_circle"]) && node["call"])
      yaml.fail(node["call"], where + ".call", "literal points are drawn as given, without a call");
    Series series;
    series.label = yaml.string(yaml.require(node, where, "label"), where + ".label");
    if (node["style"]) series.style = yaml.string(node["style"], where + ".style");
    if (series.style != "line" && series.style != "points" && series.style != "area")
      yaml.fail(node["style"], where + ".style", "line, points or area");
    // The points of a call-based series, by whichever code answers the calls.
    const auto points_of = [&](const CourseCall& answer) {
      std::vector<std::pair<double, double>> points;
      const std::string function = yaml.string(yaml.require(node, where, "call"), where + ".call");
      const Value args_value = yaml.value(yaml.require(node, where, "args"), where + ".args");
      const auto* args = std::get_if<List>(&args_value.data);
      if (args == nullptr) yaml.fail(node["args"], where + ".args", "expected a list of arguments");
      const std::string x = node["x"] ? yaml.string(node["x"], where + ".x") : "";
      const std::string y = node["y"] ? yaml.string(node["y"], where + ".y") : "";
      if (node["vary"]) {
        const YAML::Node vary = node["vary"];
        yaml.expect_keys(vary, where + ".vary", {"arg", "from", "to", "step"});
        const auto arg = static_cast<std::size_t>(yaml.integer(vary["arg"], where + ".vary.arg"));
        const double from = yaml.number(vary["from"], where + ".vary.from");
        const double to = yaml.number(vary["to"], where + ".vary.to");
        const double step = yaml.number(vary["step"], where + ".vary.step");
        if (arg >= args->size() || !(step > 0) || (to - from) / step > 2000)
          yaml.fail(vary, where + ".vary", "an argument of the call, and at most 2000 steps");
        const bool integral = std::holds_alternative<std::int64_t>((*args)[arg].data);
        const auto steps = static_cast<long>(std::floor((to - from) / step + 1e-9));
        std::vector<List> calls;
        std::vector<double> values;
        for (long n = 0; n <= steps; ++n) {
          const double t = from + static_cast<double>(n) * step;  // no drift from repeated adding
          List varied = *args;
          varied[arg] = integral ? Value(static_cast<std::int64_t>(std::llround(t))) : Value(t);
          calls.push_back(std::move(varied));
          values.push_back(t);
        }
        const std::vector<Value> results = answer(function, calls);  // one process for the whole sweep
        for (std::size_t n = 0; n < results.size() && n < values.size(); ++n) {
          points.emplace_back(x.empty() ? values[n] : number_in(field(results[n], x)), number_in(field(results[n], y)));
        }
      } else if (node["contours"]) {
        points = contour_points(yaml, node["contours"], where + ".contours", function, *args, answer);
      } else {
        const std::vector<Value> results = answer(function, {*args});
        if (results.empty()) throw CourseError(function + " gave no result");
        const Value result = results.front();
        if (node["histogram"]) {
          points = histogram_points(yaml, node["histogram"], where + ".histogram", numbers_in(field(result, y)));
        } else if (node["segment"]) {
          points = segment_points(yaml, node["segment"], where + ".segment", result);
        } else if (node["residuals"]) {  // from each point [x, y] to the line v₀ + v₁·x: one segment each
          const std::vector<double> v = numbers_in(field(result, y));
          if (v.size() < 2) yaml.fail(node["residuals"], where + ".residuals", "needs an intercept and a slope");
          for (const auto& p : node["residuals"]) {
            const double px = p[0].as<double>(), py = p[1].as<double>();
            points.emplace_back(px, py);
            points.emplace_back(px, v[0] + v[1] * px);
            points.emplace_back(NAN, NAN);  // a gap: the segments are not joined
          }
        } else if (node["line"]) {  // y = v₀ + v₁·x over [from, to]: a fitted line
          const std::vector<double> v = numbers_in(field(result, y));
          if (v.size() < 2) yaml.fail(node["line"], where + ".line", "needs an intercept and a slope");
          for (const auto& end : node["line"]) {
            const double at = end.as<double>();
            points.emplace_back(at, v[0] + v[1] * at);
          }
        } else if (node["point"]) {
          const std::vector<double> v = numbers_in(field(result, y));
          const auto i = node["point"][0].as<std::size_t>(), j = node["point"][1].as<std::size_t>();
          if (i >= v.size() || j >= v.size()) yaml.fail(node["point"], where + ".point", "entries of the result");
          points.emplace_back(v[i], v[j]);
        } else {
          const double start = node["x_start"] ? yaml.number(node["x_start"], where + ".x_start") : 0;
          const std::vector<double> v = numbers_in(field(result, y));
          for (std::size_t n = 0; n < v.size(); ++n) points.emplace_back(start + static_cast<double>(n), v[n]);
        }
      }
      return points;
    };
    try {
      if (node["points"]) {
        for (const auto& p : node["points"]) series.points.emplace_back(p[0].as<double>(), p[1].as<double>());
      } else if (node["image_of_unit_circle"]) {
        series.points = image_of_unit_circle(yaml, node["image_of_unit_circle"], where + ".image_of_unit_circle");
      } else {
        series.points = points_of(call);
        if (learner) {
          struct CannotAnswer {};
          const CourseCall theirs = [&](const std::string& function, const std::vector<List>& calls) {
            if (auto values = learner(function, calls)) return *values;
            throw CannotAnswer{};
          };
          try {
            Series yours{"yours: " + series.label, series.style == "area" ? "line" : series.style, true, {}};
            yours.points = points_of(theirs);
            learner_series.push_back(std::move(yours));
          } catch (const CannotAnswer&) {  // not attempted, or not answering: nothing to draw
          } catch (const CourseError&) {   // an answer of the wrong shape: nothing to draw either
          }
        }
      }
    } catch (const CourseError& e) {
      if (std::string(e.what()).find(file.string()) != std::string::npos) throw;
      yaml.fail(node, where, e.what());
    } catch (const YAML::Exception& e) {
      yaml.fail(node, where, e.msg);
    }
    figure.series.push_back(std::move(series));
  }
  for (auto& s : learner_series) figure.series.push_back(std::move(s));
  return figure;
}

std::string figure_json(const Figure& figure) {
  Json json;
  json["title"] = figure.title;
  json["x"] = figure.x_label;
  json["y"] = figure.y_label;
  json["log_y"] = figure.log_y;
  json["equal_axes"] = figure.equal_axes;
  json["series"] = Json::array();
  for (const Series& s : figure.series) {
    Json series;
    series["label"] = s.label;
    series["style"] = s.style;
    series["yours"] = s.learners;
    series["points"] = Json::array();
    // A point that is not finite is written as null: Chart.js leaves a gap.
    for (const auto& [x, y] : s.points) series["points"].push_back(Json::array({x, y}));
    json["series"].push_back(std::move(series));
  }
  return json_for_script(json_text(json));  // it goes inside <script type="application/json">
}

}  // namespace mathlings
