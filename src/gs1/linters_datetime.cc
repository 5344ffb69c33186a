#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

int TwoDigits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<LintError> CheckLength(std::string_view value, std::size_t length,
                                     const char* what_code, const char* what) {
  if (value.size() == length) return std::nullopt;
  bool short_value = value.size() < length;
  return LintError{std::string(what_code) + (short_value ? "_TOO_SHORT" : "_TOO_LONG"), 0,
                   value.size(),
                   std::string(what) + " must have " + std::to_string(length) + " digits"};
}

int YearOf(std::string_view value, std::size_t year_digits) {
  return year_digits == 2 ? 2000 + TwoDigits(value, 0)
                          : TwoDigits(value, 0) * 100 + TwoDigits(value, 2);
}

// A date of `year_digits` (2 or 4) year digits, then month and day. Two-digit
// years are within a century that starts on a leap year, so yy % 4 decides.
std::optional<LintError> LintDate(std::string_view value, std::size_t year_digits,
                                  bool allow_day_zero) {
  if (value.size() != year_digits + 4) return CheckLength(value, year_digits + 4, "DATE", "a date");
  // LintNumeric runs only to describe a non-digit.
  for (char c : value) {
    if (c < '0' || c > '9') return LintNumeric(value);
  }
  int year = YearOf(value, year_digits);
  int month = TwoDigits(value, year_digits);
  int day = TwoDigits(value, year_digits + 2);
  if (month < 1 || month > 12) {
    return LintError{"ILLEGAL_MONTH", year_digits, 2,
                     "month " + std::to_string(month) + " is not a month"};
  }
  if ((day == 0 && !allow_day_zero) || day > DaysInMonth(year, month)) {
    return LintError{
        "ILLEGAL_DAY", year_digits + 2, 2,
        "day " + std::to_string(day) + " is not a day of month " + std::to_string(month)};
  }
  return std::nullopt;
}

std::optional<LintError> LintTwoDigitField(std::string_view value, const char* code,
                                           const char* what, int limit) {
  if (auto bad = CheckLength(value, 2, code, what)) return bad;
  if (auto bad = LintNumeric(value)) return bad;
  int number = TwoDigits(value, 0);
  if (number < limit) return std::nullopt;
  return LintError{std::string("ILLEGAL_") + code, 0, 2,
                   std::string(what) + " " + std::to_string(number) + " is out of range"};
}

}  // namespace

bool IsDate(std::string_view value, std::size_t year_digits, bool allow_day_zero) {
  if (value.size() != year_digits + 4) return false;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
  }
  int month = TwoDigits(value, year_digits);
  int day = TwoDigits(value, year_digits + 2);
  if (month < 1 || month > 12 || (day == 0 && !allow_day_zero)) return false;
  // Days 1 to 28 are in every month: the year matters only beyond them.
  return day <= 28 || day <= DaysInMonth(YearOf(value, year_digits), month);
}

std::optional<LintError> LintYymmdd(std::string_view value) { return LintDate(value, 2, false); }
std::optional<LintError> LintYymmd0(std::string_view value) { return LintDate(value, 2, true); }
std::optional<LintError> LintYyyymmdd(std::string_view value) { return LintDate(value, 4, false); }
std::optional<LintError> LintYyyymmd0(std::string_view value) { return LintDate(value, 4, true); }

std::optional<LintError> LintHh(std::string_view value) {
  return LintTwoDigitField(value, "HOUR", "hour", 24);
}
std::optional<LintError> LintMi(std::string_view value) {
  return LintTwoDigitField(value, "MINUTE", "minute", 60);
}
std::optional<LintError> LintSs(std::string_view value) {
  return LintTwoDigitField(value, "SECOND", "second", 60);
}

std::optional<LintError> LintHhmi(std::string_view value) {
  if (auto bad = CheckLength(value, 4, "HOUR_WITH_MINUTE", "an hour with minutes")) return bad;
  if (auto bad = LintNumeric(value)) return bad;
  if (auto bad = LintHh(value.substr(0, 2))) return bad;
  if (auto bad = LintMi(value.substr(2))) {
    bad->position += 2;
    return bad;
  }
  return std::nullopt;
}

}  // namespace txng::gs1
