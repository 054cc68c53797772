// The one data type that crosses the process boundary between the grader and a
// learner's runner: arguments go in as Values, results come back as Values.
//
// The text encoding is deliberately simple and exact: doubles travel as
// hexadecimal floating point, so the grader compares exactly the bits the
// learner's code produced. Decoding never trusts its input (a runner may be
// hostile or may have crashed mid-write) and throws DecodeError on anything
// malformed.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mathlings {

struct Value;
using List = std::vector<Value>;

/// A dense matrix stored row by row.
struct Matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<double> data;  ///< rows * cols entries, row-major
  double at(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
  friend bool operator==(const Matrix&, const Matrix&) = default;
};

/// A struct returned by an exercise (e.g. LineFit): named fields, in order.
struct Record {
  std::vector<std::string> names;
  std::vector<Value> values;
};

/// A dynamically typed value: null, bool, integer, real, string, real vector,
/// matrix, heterogeneous list or record.
struct Value {
  using Storage =
      std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<double>, Matrix, List, Record>;
  Storage data;

  Value() = default;
  Value(bool b) : data(b) {}
  Value(int i) : data(std::int64_t{i}) {}
  Value(std::int64_t i) : data(i) {}
  Value(double d) : data(d) {}
  Value(std::string s) : data(std::move(s)) {}
  Value(const char* s) : data(std::string(s)) {}
  Value(std::vector<double> v) : data(std::move(v)) {}
  Value(Matrix m) : data(std::move(m)) {}
  Value(List l) : data(std::move(l)) {}
  Value(Record r) : data(std::move(r)) {}

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(data);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(data);
  }
};

bool operator==(const Record& a, const Record& b);
bool operator==(const Value& a, const Value& b);

/// A human name for the kind of value ("a vector of 3 numbers", "a 2×3 matrix").
std::string describe_shape(const Value& v);

struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Appends the exact text encoding of `v` to `out`.
void encode(const Value& v, std::string& out);
std::string encode(const Value& v);

/// Reads one value starting at `pos` and advances `pos` past it.
Value decode(std::string_view text, std::size_t& pos);
/// Decodes a string that must hold exactly one value.
Value decode(std::string_view text);

/// Encodes/decodes a length-prefixed string token ("5:hello").
void encode_string(std::string_view s, std::string& out);
std::string decode_string(std::string_view text, std::size_t& pos);
/// Reads one whitespace-delimited word.
std::string_view decode_word(std::string_view text, std::size_t& pos);

}  // namespace mathlings
