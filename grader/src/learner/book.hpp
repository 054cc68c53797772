// `mathlings book`: the lessons as a static web site that works offline from
// file://.
//
// Theory of operation. Each lesson's Markdown is rendered to HTML by md4c
// (GitHub dialect, with $…$ and $$…$$ kept as <x-equation> elements); the
// page's script typesets those with KaTeX and highlights code with
// highlight.js. A ```figure block becomes a chart: its data computed now by
// the reference solutions (figures.hpp), drawn in the page by Chart.js —
// and, where the learner's own code answers the same calls, their numbers
// drawn over the reference's, so a wrong answer is seen to be wrong.
// Below the lesson, each of its exercises is listed with the
// learner's status and points from the last `check` (the state file). The
// scripts, styles and fonts come from Debian's packages (libjs-katex,
// libjs-highlight.js, libjs-chart.js) and are copied into the site's
// assets/ folder: the site never needs the network. The pages mark
// themselves ready (data-book="ready") once typeset, and count script
// errors (data-errors), so that a headless browser can check them.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "learner/learner_state.hpp"
#include "model/course.hpp"
#include "model/figures.hpp"

namespace mathlings {

/// Where Debian installs the web libraries the book copies.
struct BookAssets {
  std::filesystem::path katex = "/usr/share/javascript/katex";
  std::filesystem::path highlight = "/usr/share/javascript/highlight.js";
  std::filesystem::path chart = "/usr/share/javascript/chart.js";
};

/// The HTML of a lesson's Markdown (no page around it).
std::string markdown_to_html(const std::string& markdown);

/// Gives every heading of a page the id its in-page links use (md4c writes
/// headings without one): heading_anchor of its text, "-1", "-2" … added to
/// a repeated one.
std::string with_heading_ids(const std::string& html);

/// Writes the site into `output` (created; an existing site is replaced);
/// returns the path of its index page. `call` runs the course's functions
/// for the lessons' figures (figures.hpp).
std::filesystem::path build_book(const Course& course, const LearnerState& state, const std::filesystem::path& output,
                                 const CourseCall& call, const LearnerCall& learner = {},
                                 const BookAssets& assets = {});

}  // namespace mathlings
