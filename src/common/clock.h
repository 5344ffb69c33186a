// Wall-clock helpers. Timestamps in TXNG are UnixMillis (UTC).
#ifndef TXNG_COMMON_CLOCK_H_
#define TXNG_COMMON_CLOCK_H_

#include <cstdint>
#include <string>

namespace txng {

// Milliseconds since the Unix epoch, UTC.
using UnixMillis = int64_t;

UnixMillis NowMillis();

// "2026-11-29T01:40:56.123Z".
std::string FormatIso8601(UnixMillis t);

}  // namespace txng

#endif  // TXNG_COMMON_CLOCK_H_
