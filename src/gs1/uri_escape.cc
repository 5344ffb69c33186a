#include "gs1/uri_escape.h"

namespace txng::gs1 {
namespace {

constexpr std::string_view kHexDigits = "0123456789ABCDEF";

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UriEscape(std::string_view text, UriPart part) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else if (c == ' ' && part == UriPart::kQuery) {
      out += '+';
    } else {
      auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHexDigits[byte >> 4];
      out += kHexDigits[byte & 0xF];
    }
  }
  return out;
}

std::string UriUnescape(std::string_view text, UriPart part) {
  // Most values hold nothing to decode; those that do are copied as they are
  // up to the first escape.
  std::size_t i = 0;
  while (i < text.size() && text[i] != '%' && (text[i] != '+' || part != UriPart::kQuery)) ++i;
  if (i == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  out.append(text.data(), i);
  for (; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else if (text[i] == '+' && part == UriPart::kQuery) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace txng::gs1
