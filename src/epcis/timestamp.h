// EPCIS timestamps (xsd:dateTime with a time zone) and time zone offsets.
#ifndef TXNG_EPCIS_TIMESTAMP_H_
#define TXNG_EPCIS_TIMESTAMP_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace txng::epcis {

// An instant: seconds since 1970-01-01T00:00:00Z and microseconds within
// the second (digits beyond the sixth are dropped).
struct Instant {
  std::int64_t seconds = 0;
  int micros = 0;

  bool operator==(const Instant&) const = default;
};

// Parses "YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)". The time zone is required, as
// EPCIS requires; the date must exist.
Result<Instant> ParseTimestamp(std::string_view text);

// "2020-03-04T10:00:30.000Z": UTC with exactly three fraction digits, the
// microseconds rounded half to even (CBV 2.0 event hash form).
std::string FormatUtcMillis(const Instant& instant);

// Milliseconds since the epoch, rounded as in FormatUtcMillis.
std::int64_t ToUnixMillis(const Instant& instant);

// True for "+hh:mm" / "-hh:mm" with hh <= 14 and mm <= 59 (eventTimeZoneOffset).
bool IsTimeZoneOffset(std::string_view text);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_TIMESTAMP_H_
