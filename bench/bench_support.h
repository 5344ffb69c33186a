// What the storage benchmarks share: timing, ending on an error, and a
// fresh store with one organisation to capture for.
#ifndef TXNG_BENCH_BENCH_SUPPORT_H_
#define TXNG_BENCH_BENCH_SUPPORT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace txng::bench {

using Clock = std::chrono::steady_clock;

// Wall seconds since `since`.
double Seconds(Clock::time_point since);

// Prints "<program>: <what>: <status>" on stderr and exits 1.
[[noreturn]] void Die(const std::string& what, const Status& status);

template <typename T>
T Must(Result<T> result, const std::string& what) {
  if (!result.ok()) Die(what, result.status());
  return std::move(result).value();
}

inline void Must(const Status& status, const std::string& what) {
  if (!status.ok()) Die(what, status);
}

// A migrated store at `url` (a pool of 2) with one approved organisation,
// prefix 8930001, whose id goes to *org_id.
std::unique_ptr<Store> OpenBenchStore(const std::string& url, int64_t* org_id);

}  // namespace txng::bench

#endif  // TXNG_BENCH_BENCH_SUPPORT_H_
