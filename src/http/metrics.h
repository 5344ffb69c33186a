// Request metrics in the Prometheus text exposition format (version 0.0.4).
//
// The server records every request; the application registers a `/metrics`
// route that answers with Render() and adds its own gauges (database pool,
// queue lengths) through AddGaugeSource.
#ifndef TXNG_HTTP_METRICS_H_
#define TXNG_HTTP_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace txng::http {

// Content-Type of Render()'s output.
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

class Metrics {
 public:
  // Upper bounds of the duration histogram buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Brackets one request: RequestStarted when it has been read,
  // RequestFinished when its response is ready. `route` must come from a
  // bounded set (a RouteMatch name or "unmatched"); a method outside the
  // standard ones is counted as "other". Thread-safe and cheap: a shared
  // lock, a few atomic increments and a short per-route lock.
  void RequestStarted();
  void RequestFinished(std::string_view route, std::string_view method, int status, double seconds);

  // Registers a function that appends complete exposition lines (with their
  // # HELP and # TYPE lines) to `out`; it runs on every Render(), on the
  // rendering thread, so it must be thread-safe. Typically called at startup.
  void AddGaugeSource(std::function<void(std::string& out)> source);

  // The whole exposition: request counters, duration histograms, the
  // in-flight gauge, then every gauge source in registration order.
  std::string Render() const;

  // Appends "# HELP", "# TYPE <name> gauge" and "<name> <value>" lines;
  // a convenience for gauge sources.
  static void AppendGauge(std::string& out, std::string_view name, std::string_view help,
                          double value);

 private:
  struct RouteStats {
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};  // last one: +Inf
    std::atomic<uint64_t> sum_nanos{0};
    std::mutex counts_mu;
    // (method, status) -> requests; a handful of entries per route.
    std::vector<std::pair<std::pair<std::string, int>, uint64_t>> counts;
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  RouteStats& StatsFor(std::string_view route);

  mutable std::shared_mutex routes_mu_;
  std::unordered_map<std::string, std::unique_ptr<RouteStats>, StringHash, std::equal_to<>> routes_;
  std::atomic<int64_t> in_flight_{0};
  mutable std::mutex sources_mu_;
  std::vector<std::function<void(std::string&)>> sources_;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_METRICS_H_
