// Renders Values for people: numbers with enough digits to see a difference,
// vectors and matrices abbreviated when large, calls as the learner wrote them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/value.hpp"

namespace mathlings {

std::string format_number(double d);
/// Control characters (a line break in a quoted CSV field, in an archive
/// entry's name) as spaces: what is written as one line stays one line.
std::string one_line(std::string text);
/// `text` without the white space (spaces, tabs, line ends) at either end.
std::string trimmed(std::string_view text);
/// A fraction as a percentage for people, to `decimals` places: 0.1 → "10 %",
/// 0.123456 with 2 → "12.35 %".
std::string format_percent(double fraction, int decimals = 0);
/// Seconds for people: "20 s", "2.5 s", "0.25 s", never "20.01510249 s".
std::string format_seconds(double seconds);
/// At most `max_entries` entries of a vector or rows/columns of a matrix.
std::string format_value(const Value& v, std::size_t max_entries = 6);
/// "solve_by_elimination([[1, 2], [2, 5]], [18, 45])"
/// Two small matrices (at most `max_dimension` rows and columns, at least two
/// rows), printed as matrices side by side under "expected:" and "actual:",
/// the rows holding a mismatch marked; nullopt for anything else.
std::optional<std::string> format_matrices_side_by_side(const Value& expected, const Value& actual,
                                                        const std::vector<bool>& row_differs,
                                                        std::size_t max_dimension = 6);

/// Display columns of UTF-8 text (one per code point: no wide characters
/// here), colour escape sequences not counted.
std::size_t display_columns(const std::string& s);

/// Each line of `text` after `prefix`, long lines broken at spaces to fit
/// `width` columns (continuations indented two more; npos: never broken).
std::string wrap_text(const std::string& text, const std::string& prefix, std::size_t width = 80);

std::string format_call(const std::string& function, const List& args, std::size_t max_entries = 6);

/// "a, b, c and 4 more": the first `at_most` names, comma-separated.
std::string list_names(const std::vector<std::string>& names, std::size_t at_most);

}  // namespace mathlings
