// Reading a lesson's Markdown document for what it points to: its headings
// (as GitHub anchors them) and the sections its "## Exercises" list links
// each exercise to, so that feedback can send a learner to the right place.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mathlings {

/// The anchor GitHub gives a heading: "Pivoting and why it matters" ->
/// "pivoting-and-why-it-matters".
std::string heading_anchor(const std::string& heading);

/// Every heading outside code fences, by anchor.
std::map<std::string, std::string> lesson_headings(const std::string& text);

/// The headings the "## Exercises" list links **name** to, in order.
std::vector<std::string> exercise_sections(const std::string& text, const std::string& exercise_name);

/// The sections as a person reads them: "§ Pivoting; § Elimination by hand"
/// (empty when there are none).
std::string section_list(const std::vector<std::string>& sections);

}  // namespace mathlings
