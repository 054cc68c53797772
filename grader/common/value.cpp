#include "value.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mathlings {

bool operator==(const Record& a, const Record& b) {
  return a.names == b.names && a.values == b.values;
}

bool operator==(const Value& a, const Value& b) {
  return a.data == b.data;
}

std::string describe_shape(const Value& v) {
  struct Describe {
    std::string operator()(std::monostate) const { return "nothing"; }
    std::string operator()(bool) const { return "a true/false value"; }
    std::string operator()(std::int64_t) const { return "an integer"; }
    std::string operator()(double) const { return "a number"; }
    std::string operator()(const std::string&) const { return "a string"; }
    std::string operator()(const std::vector<double>& x) const {
      return "a vector of " + std::to_string(x.size()) + (x.size() == 1 ? " entry" : " entries");
    }
    std::string operator()(const Matrix& m) const {
      return "a " + std::to_string(m.rows) + "×" + std::to_string(m.cols) + " matrix";
    }
    std::string operator()(const List& l) const {
      return "a list of " + std::to_string(l.size()) + (l.size() == 1 ? " item" : " items");
    }
    std::string operator()(const Record&) const { return "a struct"; }
  };
  return std::visit(Describe{}, v.data);
}

namespace {

void encode_double(double d, std::string& out) {
  if (std::isnan(d)) {
    out += "nan";
  } else if (std::isinf(d)) {
    out += d > 0 ? "inf" : "-inf";
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", d);
    out += buf;
  }
}

constexpr int max_depth = 64;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void skip_spaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
}

std::uint64_t decode_count(std::string_view text, std::size_t& pos) {
  const std::string word(decode_word(text, pos));
  if (word.empty() || word.find_first_not_of("0123456789") != std::string::npos || word.size() > 12) {
    throw DecodeError("expected a count, found '" + word.substr(0, 20) + "'");
  }
  const auto n = std::stoull(word);
  // Every element needs at least two bytes, so a count larger than that is
  // a lie that would otherwise make us allocate without bound.
  if (n > (text.size() - pos + 1) / 2 + 1) throw DecodeError("count larger than the data");
  return n;
}

double decode_double(std::string_view text, std::size_t& pos) {
  const std::string word(decode_word(text, pos));
  if (word == "nan") return std::nan("");
  if (word == "inf") return INFINITY;
  if (word == "-inf") return -INFINITY;
  if (word.empty()) throw DecodeError("expected a number, found the end of the data");
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(word.c_str(), &end);
  if (end != word.c_str() + word.size()) throw DecodeError("malformed number '" + word + "'");
  return d;
}

std::int64_t decode_int(std::string_view text, std::size_t& pos) {
  const std::string word(decode_word(text, pos));
  char* end = nullptr;
  errno = 0;
  const long long i = std::strtoll(word.c_str(), &end, 10);
  if (word.empty() || end != word.c_str() + word.size() || errno == ERANGE) {
    throw DecodeError("malformed integer '" + word + "'");
  }
  return i;
}

Value decode_at(std::string_view text, std::size_t& pos, int depth) {
  if (depth > max_depth) throw DecodeError("value nested too deeply");
  const std::string_view tag = decode_word(text, pos);
  if (tag == "n") return {};
  if (tag == "t") return true;
  if (tag == "f") return false;
  if (tag == "i") return decode_int(text, pos);
  if (tag == "d") return decode_double(text, pos);
  if (tag == "s") return decode_string(text, pos);
  if (tag == "v") {
    const auto n = decode_count(text, pos);
    std::vector<double> x(n);
    for (auto& e : x) e = decode_double(text, pos);
    return x;
  }
  if (tag == "m") {
    Matrix m;
    m.rows = decode_count(text, pos);
    m.cols = decode_count(text, pos);
    if (m.cols != 0 && m.rows > (text.size() - pos) / 2 / m.cols + 1) {
      throw DecodeError("matrix larger than the data");
    }
    m.data.resize(m.rows * m.cols);
    for (auto& e : m.data) e = decode_double(text, pos);
    return m;
  }
  if (tag == "l") {
    const auto n = decode_count(text, pos);
    List l;
    l.reserve(n);
    for (std::uint64_t k = 0; k < n; ++k) l.push_back(decode_at(text, pos, depth + 1));
    return l;
  }
  if (tag == "r") {
    const auto n = decode_count(text, pos);
    Record r;
    for (std::uint64_t k = 0; k < n; ++k) {
      r.names.push_back(decode_string(text, pos));
      r.values.push_back(decode_at(text, pos, depth + 1));
    }
    return r;
  }
  throw DecodeError("unknown value tag '" + std::string(tag.substr(0, 20)) + "'");
}

}  // namespace

std::string_view decode_word(std::string_view text, std::size_t& pos) {
  skip_spaces(text, pos);
  const std::size_t start = pos;
  while (pos < text.size() && !is_space(text[pos])) ++pos;
  return text.substr(start, pos - start);
}

void encode_string(std::string_view s, std::string& out) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

std::string decode_string(std::string_view text, std::size_t& pos) {
  skip_spaces(text, pos);
  const std::size_t colon = text.find(':', pos);
  if (colon == std::string_view::npos || colon == pos || colon - pos > 12) {
    throw DecodeError("malformed string");
  }
  const std::string digits(text.substr(pos, colon - pos));
  if (digits.find_first_not_of("0123456789") != std::string::npos) {
    throw DecodeError("malformed string length");
  }
  const auto n = std::stoull(digits);
  if (n > text.size() - colon - 1) throw DecodeError("string longer than the data");
  pos = colon + 1 + n;
  return std::string(text.substr(colon + 1, n));
}

void encode(const Value& v, std::string& out) {
  struct Encode {
    std::string& out;
    void operator()(std::monostate) const { out += "n"; }
    void operator()(bool b) const { out += b ? "t" : "f"; }
    void operator()(std::int64_t i) const { out += "i " + std::to_string(i); }
    void operator()(double d) const {
      out += "d ";
      encode_double(d, out);
    }
    void operator()(const std::string& s) const {
      out += "s ";
      encode_string(s, out);
    }
    void operator()(const std::vector<double>& x) const {
      out += "v " + std::to_string(x.size());
      for (double d : x) {
        out += ' ';
        encode_double(d, out);
      }
    }
    void operator()(const Matrix& m) const {
      out += "m " + std::to_string(m.rows) + ' ' + std::to_string(m.cols);
      for (double d : m.data) {
        out += ' ';
        encode_double(d, out);
      }
    }
    void operator()(const List& l) const {
      out += "l " + std::to_string(l.size());
      for (const auto& e : l) {
        out += ' ';
        encode(e, out);
      }
    }
    void operator()(const Record& r) const {
      out += "r " + std::to_string(r.names.size());
      for (std::size_t k = 0; k < r.names.size(); ++k) {
        out += ' ';
        encode_string(r.names[k], out);
        out += ' ';
        encode(r.values[k], out);
      }
    }
  };
  std::visit(Encode{out}, v.data);
}

std::string encode(const Value& v) {
  std::string out;
  encode(v, out);
  return out;
}

Value decode(std::string_view text, std::size_t& pos) {
  return decode_at(text, pos, 0);
}

Value decode(std::string_view text) {
  std::size_t pos = 0;
  Value v = decode(text, pos);
  skip_spaces(text, pos);
  if (pos != text.size()) throw DecodeError("unexpected data after the value");
  return v;
}

}  // namespace mathlings
