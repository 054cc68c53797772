// Binds an exercise's C++ functions to the runner's dynamic calls.
//
// The grader generates one small translation unit per exercise that includes
// the lesson header and this file and lists the exercise's functions:
//
//     MATHLINGS_EXERCISE_FUNCTIONS(
//         {"solve_by_elimination", bind_function(&mathlings::solve_by_elimination)})
//
// bind_function() deduces each parameter type from the function pointer and converts
// the grader's Values to it with Codec<T>; the result goes back the same way.
// A lesson whose functions take or return its own structs provides
// Codec specialisations for them in a codec header named in the manifest.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <new>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "protocol.hpp"
#include "value.hpp"

namespace mathlings::harness {

/// The grader sent arguments that do not fit the function: a fault of the
/// course's spec, never of the learner.
struct ArgumentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
inline constexpr const char* argument_error_type = "mathlings::harness::argument_error";

template <class T, class Enable = void>
struct Codec;  // specialise to(const T&) -> Value and from(const Value&) -> T

inline double number_from(const Value& v) {
  if (v.is<double>()) return v.as<double>();
  if (v.is<std::int64_t>()) return static_cast<double>(v.as<std::int64_t>());
  throw ArgumentError("expected a number, got " + describe_shape(v));
}

inline std::int64_t integer_from(const Value& v) {
  if (v.is<std::int64_t>()) return v.as<std::int64_t>();
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  throw ArgumentError("expected an integer, got " + describe_shape(v));
}

template <>
struct Codec<double> {
  static Value to(double d) { return d; }
  static double from(const Value& v) { return number_from(v); }
};

template <>
struct Codec<bool> {
  static Value to(bool b) { return b; }
  static bool from(const Value& v) {
    if (!v.is<bool>()) throw ArgumentError("expected true or false, got " + describe_shape(v));
    return v.as<bool>();
  }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static Value to(T i) { return static_cast<std::int64_t>(i); }
  static T from(const Value& v) {
    const std::int64_t i = integer_from(v);
    if (std::is_unsigned_v<T> && i < 0) throw ArgumentError("expected a non-negative integer");
    return static_cast<T>(i);
  }
};

template <>
struct Codec<std::string> {
  static Value to(const std::string& s) { return s; }
  static std::string from(const Value& v) {
    if (!v.is<std::string>()) throw ArgumentError("expected a string, got " + describe_shape(v));
    return v.as<std::string>();
  }
};

/// Real vectors arrive either as a vector or as a list of numbers (from YAML).
inline std::vector<double> reals_from(const Value& v) {
  if (v.is<std::vector<double>>()) return v.as<std::vector<double>>();
  if (v.is<List>()) {
    std::vector<double> out;
    for (const auto& e : v.as<List>()) out.push_back(number_from(e));
    return out;
  }
  throw ArgumentError("expected a vector, got " + describe_shape(v));
}

inline Matrix matrix_from(const Value& v) {
  if (v.is<Matrix>()) return v.as<Matrix>();
  if (!v.is<List>()) throw ArgumentError("expected a matrix, got " + describe_shape(v));
  Matrix m;
  const auto& rows = v.as<List>();
  m.rows = rows.size();
  for (const auto& row : rows) {
    const auto entries = reals_from(row);
    if (&row == &rows.front()) m.cols = entries.size();
    if (entries.size() != m.cols) throw ArgumentError("matrix rows of different lengths");
    m.data.insert(m.data.end(), entries.begin(), entries.end());
  }
  return m;
}

template <>
struct Codec<std::vector<double>> {
  static Value to(const std::vector<double>& x) { return x; }
  static std::vector<double> from(const Value& v) { return reals_from(v); }
};

/// Vectors of integers or booleans (labels, observations) travel as lists.
template <class T>
struct Codec<std::vector<T>, std::enable_if_t<!std::is_same_v<T, double>>> {
  static Value to(const std::vector<T>& xs) {
    List out;
    for (const T& x : xs) out.push_back(Codec<T>::to(x));
    return out;
  }
  static std::vector<T> from(const Value& v) {
    if (!v.is<List>()) throw ArgumentError("expected a list, got " + describe_shape(v));
    std::vector<T> out;
    for (const auto& e : v.as<List>()) out.push_back(Codec<T>::from(e));
    return out;
  }
};

/// Eigen column vectors travel as vectors, every other shape as a matrix.
template <int R, int C, int O, int MR, int MC>
struct Codec<Eigen::Matrix<double, R, C, O, MR, MC>> {
  using Type = Eigen::Matrix<double, R, C, O, MR, MC>;
  static constexpr bool is_vector = C == 1;

  static Value to(const Type& x) {
    if constexpr (is_vector) {
      return std::vector<double>(x.data(), x.data() + x.size());
    } else {
      Matrix m;
      m.rows = static_cast<std::size_t>(x.rows());
      m.cols = static_cast<std::size_t>(x.cols());
      m.data.reserve(m.rows * m.cols);
      for (Eigen::Index r = 0; r < x.rows(); ++r)
        for (Eigen::Index c = 0; c < x.cols(); ++c) m.data.push_back(x(r, c));
      return m;
    }
  }

  static Type from(const Value& v) {
    if constexpr (is_vector) {
      const auto x = reals_from(v);
      if (R != Eigen::Dynamic && static_cast<int>(x.size()) != R) {
        throw ArgumentError("expected a vector of " + std::to_string(R) + " entries");
      }
      Type out(static_cast<Eigen::Index>(x.size()));
      for (std::size_t k = 0; k < x.size(); ++k) out(static_cast<Eigen::Index>(k)) = x[k];
      return out;
    } else {
      const Matrix m = matrix_from(v);
      if ((R != Eigen::Dynamic && static_cast<int>(m.rows) != R) ||
          (C != Eigen::Dynamic && static_cast<int>(m.cols) != C)) {
        throw ArgumentError("matrix of the wrong fixed size");
      }
      Type out(static_cast<Eigen::Index>(m.rows), static_cast<Eigen::Index>(m.cols));
      for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c)
          out(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = m.at(r, c);
      return out;
    }
  }
};

/// For lesson codec headers: builds a record and reads one of its fields.
inline Value make_record(std::vector<std::string> names, std::vector<Value> values) {
  return Record{std::move(names), std::move(values)};
}

template <class T>
T record_field(const Value& v, const std::string& name) {
  if (!v.is<Record>()) throw ArgumentError("expected a struct, got " + describe_shape(v));
  const auto& r = v.as<Record>();
  for (std::size_t k = 0; k < r.names.size(); ++k)
    if (r.names[k] == name) return Codec<T>::from(r.values[k]);
  throw ArgumentError("struct has no field '" + name + "'");
}

using Function = std::function<Value(const List&)>;
using FunctionTable = std::map<std::string, Function, std::less<>>;

namespace detail {
template <class R, class... A, std::size_t... I>
Value call_with(R (*f)(A...), const List& args, std::index_sequence<I...>) {
  // Converted first, in order, into objects of their own: a parameter taken
  // by non-const reference (lesson 05's Random&) binds to one of them, one
  // taken by value is moved from it.
  std::tuple<std::decay_t<A>...> converted{Codec<std::decay_t<A>>::from(args[I])...};
  if constexpr (std::is_void_v<R>) {
    f(std::forward<A>(std::get<I>(converted))...);
    return {};
  } else {
    return Codec<std::decay_t<R>>::to(f(std::forward<A>(std::get<I>(converted))...));
  }
}
}  // namespace detail

/// Wraps a function pointer so that it can be called with a list of Values.
/// Arguments are all converted before the function runs, so a conversion
/// error is never blamed on the learner.
template <class R, class... A>
Function bind_function(R (*f)(A...)) {
  return [f](const List& args) -> Value {
    if (args.size() != sizeof...(A)) {
      throw ArgumentError("expected " + std::to_string(sizeof...(A)) +
                          (sizeof...(A) == 1 ? " argument" : " arguments") + ", got " + std::to_string(args.size()));
    }
    return detail::call_with(f, args, std::index_sequence_for<A...>{});
  };
}

/// The readable name of a type (demangled where the ABI allows).
std::string type_name(const std::type_info& type);

/// Sorts the exception in flight into the types the grader distinguishes.
/// NotImplemented is the lesson's mathlings::not_implemented.
template <class NotImplemented>
protocol::Thrown classify_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const NotImplemented& e) {
    return {std::string(protocol::not_implemented_type), e.what()};
  } catch (const ArgumentError& e) {
    return {argument_error_type, e.what()};
  } catch (const std::bad_alloc& e) {
    return {std::string(protocol::bad_alloc_type), e.what()};
  } catch (const std::domain_error& e) {
    return {"std::domain_error", e.what()};
  } catch (const std::invalid_argument& e) {
    return {"std::invalid_argument", e.what()};
  } catch (const std::out_of_range& e) {
    return {"std::out_of_range", e.what()};
  } catch (const std::length_error& e) {
    return {"std::length_error", e.what()};
  } catch (const std::logic_error& e) {
    return {"std::logic_error", e.what()};
  } catch (const std::range_error& e) {
    return {"std::range_error", e.what()};
  } catch (const std::overflow_error& e) {
    return {"std::overflow_error", e.what()};
  } catch (const std::runtime_error& e) {
    return {"std::runtime_error", e.what()};
  } catch (const std::exception& e) {
    return {type_name(typeid(e)), e.what()};
  } catch (...) {
    return {"a value that is not a std::exception", ""};
  }
}

/// Defined by the generated translation unit of each exercise.
const FunctionTable& exercise_functions();
protocol::Thrown classify_current_exception(std::exception_ptr error);

}  // namespace mathlings::harness

/// Defines the exercise's function table and exception classifier; used once,
/// in the translation unit the grader generates for an exercise.
#define MATHLINGS_EXERCISE_FUNCTIONS(...)                                                                  \
  const ::mathlings::harness::FunctionTable& mathlings::harness::exercise_functions() {                    \
    static const FunctionTable table{__VA_ARGS__};                                                         \
    return table;                                                                                          \
  }                                                                                                        \
  ::mathlings::protocol::Thrown mathlings::harness::classify_current_exception(std::exception_ptr error) { \
    return classify_exception<::mathlings::not_implemented>(error);                                        \
  }
