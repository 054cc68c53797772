// A lesson's Markdown, rendered for a terminal: headings underlined, prose
// wrapped to the width, **bold** and *emphasis* shown (in colour, or as plain
// words without the asterisks), links as their text, code blocks and
// indented formulas kept as written and indented, an example's expected
// output labelled. The lessons write their mathematics in Unicode (Σ, ∂, ·,
// xᵢ), which a terminal shows as it is; the few TeX commands a lesson might
// use between $…$ are turned into the same symbols.
#pragma once

#include <string>

namespace mathlings {

struct MarkdownStyle {
  bool colour = false;
  std::size_t width = 80;
};

std::string render_markdown(const std::string& markdown, const MarkdownStyle& style);

/// $\frac{a}{b}$, \sum, \cdot, x_i, x^2 … as Unicode text.
std::string readable_math(const std::string& tex);

}  // namespace mathlings
