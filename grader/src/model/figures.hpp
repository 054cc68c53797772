// Figures in a lesson, computed from the course's own functions.
//
// A lesson places a figure with a fenced block whose info string is
// `figure`, holding YAML:
//
//   title: The cost of three learning rates     # required
//   x: iteration                                # axis labels
//   y: J(m, c)
//   log_y: true                                 # optional
//   equal_axes: true                            # optional: one unit is as long on both axes
//   series:
//     - label: α = 0.05
//       call: gradient_descent_line             # a function of the course
//       args: [[1, 2, 3], [3, 5, 7.5], 0.05, 40, 0, 0]
//       y: cost_history                         # a field of the result, or the result itself
//
// A series is one of:
//   - a call whose result (or field `y`) is a vector: points (x_start + k, vₖ);
//   - a call with `point: [i, j]`: one point, entries i and j of the result;
//   - a call with `line: [a, b]`: the line v₀ + v₁·x from x = a to b, v
//     being the result (or field `y`): a fitted intercept and slope;
//   - a call with `residuals: [[x, y], …]`: a segment from each point to
//     that line (the residuals of a fit);
//   - a call with `contours: {x_arg: I, x: [from, to, step], y_arg: J,
//     y: [from, to, step], levels: [l₁, …]}`: the call made over that grid
//     of two arguments, and the curves where its (scalar) result equals each
//     level, found by marching squares (segments, drawn by Chart.js);
//   - a call with `vary: {arg: N, from: a, to: b, step: s}`: the call made for
//     each value of argument N, each giving a point (value, y) — or (x, y)
//     when `x` names a field too;
//   - a call with `segment: {direction: F, column: K, from: F, scale: S,
//     sqrt: true, factor: c, both_ways: true}`: one segment from `from` (a
//     2-vector field; else the origin) to `from` + s·d, d being field F (a
//     2-vector; or column K of a 2-row matrix) and s = c · S (a number, or a
//     field: a scalar, or entry K of a vector), its square root with `sqrt`
//     — an eigenvector scaled by its eigenvalue, or a principal axis two
//     standard deviations long; with `both_ways`, from `from` − s·d;
//   - a call with `histogram: {from: a, to: b, bins: k}`: the outline of a
//     histogram of the result (a vector) over [a, b], as a density — the
//     uniform distribution on [a, b] has height 1/(b − a);
//   - literal `points: [[x, y], …]`;
//   - literal `image_of_unit_circle: [[a, b], [c, d]]`: the points A·(cos t,
//     sin t) around the circle — the ellipse a 2×2 matrix maps it to.
// `call: builtin:students_t_pdf` (x, degrees of freedom) is computed by the
// grader with Boost.Math, for what no exercise computes.
// `style` is line (default), points or area. The values come from the
// reference solutions, run by the grader as for a test, when the book is
// built; the page draws them with Chart.js.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/value.hpp"

namespace mathlings {

/// Runs a course function on each of several argument lists (in one
/// process, like a test's cases); returns the results in order.
using CourseCall = std::function<std::vector<Value>(const std::string& function, const std::vector<List>& calls)>;
/// The same, by the learner's code: nullopt where it cannot answer (the file
/// is a stub, does not build, throws or crashes).
using LearnerCall =
    std::function<std::optional<std::vector<Value>>(const std::string& function, const std::vector<List>& calls)>;

struct Series {
  std::string label;
  std::string style = "line";
  bool learners = false;  ///< computed by the learner's code, drawn over the reference's
  std::vector<std::pair<double, double>> points;
};

struct Figure {
  std::string title, x_label, y_label;
  bool log_y = false;
  bool equal_axes = false;  ///< a circle drawn round: the same scale on both axes
  std::vector<Series> series;
};

/// Reads and computes one figure block; errors name `file` and the line.
/// With `learner`, every computed series the learner's code can compute too
/// is added again as theirs ("yours: …"), to be drawn over the reference's.
Figure compute_figure(const std::string& yaml, const std::filesystem::path& file, int first_line,
                      const CourseCall& call, const LearnerCall& learner = {});

/// The figure as JSON for the page's script.
std::string figure_json(const Figure& figure);

}  // namespace mathlings
