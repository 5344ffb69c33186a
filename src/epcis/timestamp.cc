#include "epcis/timestamp.h"

#include <cstdio>

namespace txng::epcis {
namespace {

// Reads exactly `n` digits at `pos`; -1 when they are not all digits.
int Digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (*m <= 2));
}

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("\"" + std::string(text) +
                                 "\" is not an ISO 8601 date-time: " + std::string(why));
}

}  // namespace

Result<Instant> ParseTimestamp(std::string_view text) {
  const int year = Digits(text, 0, 4);
  const int month = Digits(text, 5, 2);
  const int day = Digits(text, 8, 2);
  const int hour = Digits(text, 11, 2);
  const int minute = Digits(text, 14, 2);
  const int second = Digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || text[4] != '-' ||
      text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return Bad(text, "expected YYYY-MM-DDThh:mm:ss");
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return Bad(text, "no such date");
  }
  if (hour > 23 || minute > 59 || second > 59) return Bad(text, "no such time of day");
  std::size_t pos = 19;
  int micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    int scale = 100000;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      micros += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return Bad(text, "a '.' must be followed by digits");
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    if (!IsTimeZoneOffset(text.substr(pos, 6))) return Bad(text, "bad time zone offset");
    offset_minutes = Digits(text, pos + 1, 2) * 60 + Digits(text, pos + 4, 2);
    if (text[pos] == '-') offset_minutes = -offset_minutes;
    pos += 6;
  } else {
    return Bad(text, "a time zone (Z or +hh:mm) is required");
  }
  if (pos != text.size()) return Bad(text, "unexpected text after the time zone");
  Instant instant;
  instant.seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                    offset_minutes * 60;
  instant.micros = micros;
  return instant;
}

std::int64_t ToUnixMillis(const Instant& instant) {
  int millis = instant.micros / 1000;
  const int rest = instant.micros % 1000;
  if (rest > 500 || (rest == 500 && millis % 2 == 1)) ++millis;
  return instant.seconds * 1000 + millis;
}

std::string FormatUtcMillis(const Instant& instant) {
  const std::int64_t ms = ToUnixMillis(instant);
  std::int64_t secs = ms / 1000;
  int millis = static_cast<int>(ms % 1000);
  if (millis < 0) {
    millis += 1000;
    --secs;
  }
  std::int64_t days = secs / 86400;
  std::int64_t sod = secs % 86400;
  if (sod < 0) {
    sod += 86400;
    --days;
  }
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d,
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                static_cast<int>(sod % 60), millis);
  return buf;
}

bool IsTimeZoneOffset(std::string_view text) {
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return false;
  const int hh = Digits(text, 1, 2);
  const int mm = Digits(text, 4, 2);
  return hh >= 0 && mm >= 0 && hh <= 14 && mm <= 59 && (hh < 14 || mm == 0);
}

}  // namespace txng::epcis
