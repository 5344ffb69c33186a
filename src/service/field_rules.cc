#include "service/field_rules.h"

#include <string>

namespace txng {
namespace {

std::string Msg(const char* field, std::string_view rule) {
  return std::string(field) + " " + std::string(rule);
}

// GS1 General Specifications, figure 7.11-1: character set 82.
bool IsCset82(char c) {
  static constexpr std::string_view kExtra = "!\"%&'()*+,-./:;<=>?_";
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         kExtra.find(c) != std::string_view::npos;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

Status RequireText(std::string_view value, const char* field, size_t max_chars) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument(Msg(field, "is required"), field);
  }
  return LimitText(value, field, max_chars);
}

Status LimitText(std::string_view value, const char* field, size_t max_chars) {
  if (Utf8Length(value) > max_chars) {
    return Status::InvalidArgument(
        Msg(field, "is longer than " + std::to_string(max_chars) + " characters"), field);
  }
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) {
      return Status::InvalidArgument(Msg(field, "contains a control character"), field);
    }
  }
  return Status::Ok();
}

Status CheckUrl(std::string_view value, const char* field) {
  if (value.empty()) return Status::Ok();
  if (value.size() > 500)
    return Status::InvalidArgument(Msg(field, "is longer than 500 bytes"), field);
  const bool ok = value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0 ||
                  (value[0] == '/' && (value.size() == 1 || value[1] != '/'));
  if (!ok || value.find_first_of(" \"<>\\`") != std::string_view::npos) {
    return Status::InvalidArgument(Msg(field, "must be an http(s) URL or a path starting with /"),
                                   field);
  }
  return Status::Ok();
}

Status CheckGs1Chars(std::string_view value, const char* field, size_t max_len) {
  if (value.size() > max_len) {
    return Status::InvalidArgument(
        Msg(field, "is longer than " + std::to_string(max_len) + " characters"), field);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    if (!IsCset82(value[i])) {
      return Status::InvalidArgument(
          Msg(field, "has a character not allowed in GS1 data at position " +
                         std::to_string(i + 1) +
                         " (allowed: A-Z a-z 0-9 and !\"%&'()*+,-./:;<=>?_)"),
          field);
    }
  }
  return Status::Ok();
}

Status CheckDate(std::string_view v, const char* field) {
  if (v.empty()) return Status::Ok();
  auto digits = [&](size_t from, size_t n) {
    int x = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  const Status bad =
      Status::InvalidArgument(Msg(field, "must be a date written YYYY-MM-DD"), field);
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return bad;
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1) return bad;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int max_day = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (d > max_day) {
    return Status::InvalidArgument(Msg(field, "is not a real date: " + std::string(v)), field);
  }
  return Status::Ok();
}

}  // namespace txng
