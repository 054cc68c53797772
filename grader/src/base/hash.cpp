#include "base/hash.hpp"

#include <cstdio>

namespace mathlings {

Hasher& Hasher::add(std::string_view data) {
  for (const unsigned char c : data) {
    a_ = (a_ ^ c) * 0x100000001b3ULL;
    b_ = (b_ ^ static_cast<unsigned char>(c + 0x5b)) * 0x100000001b3ULL;
    b_ ^= b_ >> 29;
  }
  return *this;
}

std::string Hasher::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a_),
                static_cast<unsigned long long>(b_));
  return buf;
}

}  // namespace mathlings
