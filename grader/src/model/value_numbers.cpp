#include "model/value_numbers.hpp"

#include "base/errors.hpp"

namespace mathlings {

double number_in(const Value& v) {
  if (const auto* d = std::get_if<double>(&v.data)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v.data)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&v.data)) return *b ? 1 : 0;
  throw CourseError("expected a number, got " + describe_shape(v));
}

std::vector<double> numbers_in(const Value& v) {
  if (const auto* x = std::get_if<std::vector<double>>(&v.data)) return *x;
  if (const auto* m = std::get_if<Matrix>(&v.data)) return m->data;
  if (const auto* l = std::get_if<List>(&v.data)) {
    std::vector<double> out;
    for (const auto& item : *l) out.push_back(number_in(item));
    return out;
  }
  return {number_in(v)};
}

}  // namespace mathlings
