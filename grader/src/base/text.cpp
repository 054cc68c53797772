#include "base/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace mathlings {

std::string format_number(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", d);
  return buf;
}

std::string format_percent(double fraction, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return format_number(std::round(fraction * (100 * scale)) / scale) + " %";
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n\f\v") - first + 1));
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

std::string format_seconds(double seconds) {
  char buf[40];
  // Two significant digits below ten seconds, whole seconds above.
  if (seconds >= 9.95)
    std::snprintf(buf, sizeof buf, "%.0f", seconds);
  else
    std::snprintf(buf, sizeof buf, "%.2g", seconds);
  return std::string(buf) + " s";
}

namespace {

template <class Item>
std::string join_abbreviated(std::size_t count, std::size_t max, Item item) {
  std::string out = "[";
  for (std::size_t k = 0; k < count; ++k) {
    if (count > max && k == max - 2) {
      out += ", …";
      k = count - 2;  // then the last one
      continue;
    }
    if (k > 0) out += ", ";
    out += item(k);
  }
  return out + "]";
}

}  // namespace

std::string format_value(const Value& v, std::size_t max_entries) {
  struct Format {
    std::size_t max;
    std::string operator()(std::monostate) const { return "(nothing)"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return format_number(d); }
    std::string operator()(const std::string& s) const { return '"' + s + '"'; }
    std::string operator()(const std::vector<double>& x) const {
      std::string out = join_abbreviated(x.size(), max, [&](std::size_t k) { return format_number(x[k]); });
      if (x.size() > max) out += " (" + std::to_string(x.size()) + " entries)";
      return out;
    }
    std::string operator()(const Matrix& m) const {
      std::string out = join_abbreviated(m.rows, max, [&](std::size_t r) {
        return join_abbreviated(m.cols, max, [&](std::size_t c) { return format_number(m.at(r, c)); });
      });
      if (m.rows > max || m.cols > max) out += " (" + std::to_string(m.rows) + "×" + std::to_string(m.cols) + ")";
      return out;
    }
    std::string operator()(const List& l) const {
      return join_abbreviated(l.size(), max, [&](std::size_t k) { return format_value(l[k], max); });
    }
    std::string operator()(const Record& r) const {
      std::string out = "{";
      for (std::size_t k = 0; k < r.names.size(); ++k) {
        out += (k ? ", " : "") + r.names[k] + ": " + format_value(r.values[k], max);
      }
      return out + "}";
    }
  };
  return std::visit(Format{max_entries < 3 ? 3 : max_entries}, v.data);
}

namespace {

/// The rows of a matrix as "[ 1   2.5]" lines, each column right-aligned.
std::vector<std::string> matrix_lines(const Matrix& m) {
  std::vector<std::size_t> widths(m.cols, 1);
  for (std::size_t r = 0; r < m.rows; ++r)
    for (std::size_t c = 0; c < m.cols; ++c) widths[c] = std::max(widths[c], format_number(m.at(r, c)).size());
  std::vector<std::string> lines;
  for (std::size_t r = 0; r < m.rows; ++r) {
    std::string line = "[";
    for (std::size_t c = 0; c < m.cols; ++c) {
      const std::string entry = format_number(m.at(r, c));
      line += (c ? "  " : "") + std::string(widths[c] - entry.size(), ' ') + entry;
    }
    lines.push_back(line + "]");
  }
  return lines;
}

}  // namespace

std::optional<std::string> format_matrices_side_by_side(const Value& expected, const Value& actual,
                                                        const std::vector<bool>& row_differs,
                                                        std::size_t max_dimension) {
  const auto* e = std::get_if<Matrix>(&expected.data);
  const auto* a = std::get_if<Matrix>(&actual.data);
  if (e == nullptr || a == nullptr) return std::nullopt;
  for (const Matrix* m : {e, a}) {
    if (m->rows < 2 || m->rows > max_dimension || m->cols > max_dimension || m->cols == 0) return std::nullopt;
  }
  const auto left = matrix_lines(*e);
  const auto right = matrix_lines(*a);
  std::size_t width = std::string("expected:").size();
  for (const auto& line : left) width = std::max(width, line.size());
  std::string out = "expected:" + std::string(width - 9 + 4, ' ') + "actual:";
  for (std::size_t r = 0; r < std::max(left.size(), right.size()); ++r) {
    const std::string l = r < left.size() ? left[r] : "";
    out += "\n" + l + std::string(width - l.size() + 4, ' ') + (r < right.size() ? right[r] : "");
    if (r < row_differs.size() && row_differs[r]) out += "  ←";
  }
  return out;
}

std::string format_call(const std::string& function, const List& args, std::size_t max_entries) {
  std::string out = function + "(";
  for (std::size_t k = 0; k < args.size(); ++k) out += (k ? ", " : "") + format_value(args[k], max_entries);
  return out + ")";
}

std::size_t display_columns(const std::string& s) {
  std::size_t n = 0;
  bool escape = false;  // a colour sequence, "\033[…m", takes no room
  for (const char c : s) {
    if (c == '\033') escape = true;
    if (!escape && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    if (escape && c == 'm') escape = false;
  }
  return n;
}

std::string wrap_text(const std::string& text, const std::string& prefix, std::size_t width) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    std::string lead = prefix;
    while (display_columns(lead) + display_columns(line) > width) {
      const std::size_t room = width > display_columns(lead) + 20 ? width - display_columns(lead) : 20;
      // The byte offset of the last space within `room` columns.
      std::size_t cut = std::string::npos, seen = 0;
      for (std::size_t i = 0; i < line.size() && seen <= room; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++seen;
        if (line[i] == ' ' && seen <= room && i > 0) cut = i;
      }
      if (cut == std::string::npos) break;  // one long word: leave it whole
      out += lead + line.substr(0, cut) + "\n";
      line = line.substr(cut + 1);
      lead = prefix + "  ";
    }
    out += lead + line + "\n";
  }
  return out;
}

std::string list_names(const std::vector<std::string>& names, std::size_t at_most) {
  std::string text;
  for (std::size_t k = 0; k < names.size() && k < at_most; ++k) text += (k ? ", " : "") + names[k];
  if (names.size() > at_most) text += " and " + std::to_string(names.size() - at_most) + " more";
  return text;
}

}  // namespace mathlings
