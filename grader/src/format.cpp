#include "format.hpp"

#include <cmath>
#include <cstdio>

namespace mathlings {

std::string format_number(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", d);
  return buf;
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

std::string format_call(const std::string& function, const List& args, std::size_t max_entries) {
  std::string out = function + "(";
  for (std::size_t k = 0; k < args.size(); ++k) out += (k ? ", " : "") + format_value(args[k], max_entries);
  return out + ")";
}

}  // namespace mathlings
