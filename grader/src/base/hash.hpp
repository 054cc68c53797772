// Content hashes for cache keys: two independent 64-bit FNV-1a lanes, enough
// to make accidental collisions between cached builds negligible. Not a
// security boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mathlings {

class Hasher {
 public:
  Hasher& add(std::string_view data);
  /// Adds a field separator so that ("ab","c") and ("a","bc") differ.
  Hasher& field(std::string_view data) { return add(data).add(std::string_view("\x1f", 1)); }
  std::string hex() const;

 private:
  std::uint64_t a_ = 0xcbf29ce484222325ULL;
  std::uint64_t b_ = 0x84222325cbf29ce4ULL;
};

}  // namespace mathlings
