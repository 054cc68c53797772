#include "base/escaping.hpp"

namespace mathlings {

std::string valid_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool valid = length > 0 && i + length <= s.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    // The second byte's range rules out what a decoder must refuse (RFC 3629):
    // overlong forms, the UTF-16 surrogates D800–DFFF, and anything past U+10FFFF.
    if (valid && length > 1) {
      const unsigned char next = static_cast<unsigned char>(s[i + 1]);
      if ((length == 2 && c < 0xc2) || (c == 0xe0 && next < 0xa0) || (c == 0xed && next > 0x9f) ||
          (c == 0xf0 && next < 0x90) || (c == 0xf4 && next > 0x8f) || c > 0xf4)
        valid = false;
    }
    if (valid) {
      out.append(s, i, length);
      i += length;
    } else {
      out += "\xef\xbf\xbd";
      ++i;
    }
  }
  return out;
}

std::string xml_escape(const std::string& text) {
  const std::string s = valid_utf8(text);
  std::string out;
  for (const unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xef\xbf\xbd";  // XML 1.0 has no way to write these
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string shell_quoted(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace mathlings
