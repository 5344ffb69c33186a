#include "http/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

namespace txng::http {
namespace {

std::string_view NormalizedMethod(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET",     "HEAD",  "POST",    "PUT",  "DELETE",
                                                "OPTIONS", "PATCH", "CONNECT", "TRACE"};
  for (std::string_view m : kKnown) {
    if (m == method) return m;
  }
  return "other";
}

void AppendNumber(std::string& out, double v) {
  if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {
    out += std::to_string(static_cast<int64_t>(v));
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// Bucket bounds as written in `le` labels (to_chars would give "5e-04").
constexpr std::string_view kBucketLabels[] = {"0.0005", "0.001", "0.0025", "0.005", "0.01",
                                              "0.025",  "0.05",  "0.1",    "0.25",  "0.5",
                                              "1",      "2.5",   "5",      "10"};
static_assert(std::size(kBucketLabels) == Metrics::kBuckets.size());

// Label values escape backslash, double quote and newline.
void AppendLabelValue(std::string& out, std::string_view v) {
  out += '"';
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += '"';
}

void AppendHeader(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

void Metrics::RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }

Metrics::RouteStats& Metrics::StatsFor(std::string_view route) {
  {
    std::shared_lock lock(routes_mu_);
    auto it = routes_.find(route);
    if (it != routes_.end()) return *it->second;
  }
  std::unique_lock lock(routes_mu_);
  auto [it, inserted] = routes_.try_emplace(std::string(route));
  if (inserted) it->second = std::make_unique<RouteStats>();
  return *it->second;
}

void Metrics::RequestFinished(std::string_view route, std::string_view method, int status,
                              double seconds) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  RouteStats& stats = StatsFor(route);
  size_t bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  stats.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  stats.sum_nanos.fetch_add(static_cast<uint64_t>(std::max(0.0, seconds) * 1e9),
                            std::memory_order_relaxed);

  std::string_view m = NormalizedMethod(method);
  std::lock_guard lock(stats.counts_mu);
  for (auto& [key, n] : stats.counts) {
    if (key.second == status && key.first == m) {
      ++n;
      return;
    }
  }
  stats.counts.push_back({{std::string(m), status}, 1});
}

void Metrics::AddGaugeSource(std::function<void(std::string& out)> source) {
  std::lock_guard lock(sources_mu_);
  sources_.push_back(std::move(source));
}

void Metrics::AppendGauge(std::string& out, std::string_view name, std::string_view help,
                          double value) {
  AppendHeader(out, name, "gauge", help);
  out += name;
  out += ' ';
  AppendNumber(out, value);
  out += '\n';
}

std::string Metrics::Render() const {
  // Snapshot under the shared lock, sorted by route for a stable output.
  struct RouteSnapshot {
    std::string route;
    std::vector<std::pair<std::pair<std::string, int>, uint64_t>> counts;
    std::array<uint64_t, kBuckets.size() + 1> buckets;
    uint64_t sum_nanos;
  };
  std::vector<RouteSnapshot> snapshot;
  {
    std::shared_lock lock(routes_mu_);
    for (const auto& [route, stats] : routes_) {
      RouteSnapshot s{route, {}, {}, 0};
      {
        std::lock_guard counts_lock(stats->counts_mu);
        s.counts = stats->counts;
      }
      for (size_t i = 0; i < s.buckets.size(); ++i) {
        s.buckets[i] = stats->buckets[i].load(std::memory_order_relaxed);
      }
      s.sum_nanos = stats->sum_nanos.load(std::memory_order_relaxed);
      snapshot.push_back(std::move(s));
    }
  }
  std::sort(snapshot.begin(), snapshot.end(),
            [](const RouteSnapshot& a, const RouteSnapshot& b) { return a.route < b.route; });

  std::string out;
  AppendHeader(out, "txng_http_requests_total", "counter",
               "HTTP requests answered, by route, method and status.");
  for (RouteSnapshot& s : snapshot) {
    std::sort(s.counts.begin(), s.counts.end());
    for (const auto& [key, n] : s.counts) {
      out += "txng_http_requests_total{route=";
      AppendLabelValue(out, s.route);
      out += ",method=";
      AppendLabelValue(out, key.first);
      out += ",status=\"";
      out += std::to_string(key.second);
      out += "\"} ";
      out += std::to_string(n);
      out += '\n';
    }
  }

  AppendHeader(out, "txng_http_request_duration_seconds", "histogram",
               "Time from a request read to its response ready, by route.");
  for (const RouteSnapshot& s : snapshot) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < s.buckets.size(); ++i) {
      cumulative += s.buckets[i];
      out += "txng_http_request_duration_seconds_bucket{route=";
      AppendLabelValue(out, s.route);
      out += ",le=\"";
      if (i < kBuckets.size()) {
        out += kBucketLabels[i];
      } else {
        out += "+Inf";
      }
      out += "\"} ";
      out += std::to_string(cumulative);
      out += '\n';
    }
    out += "txng_http_request_duration_seconds_sum{route=";
    AppendLabelValue(out, s.route);
    out += "} ";
    AppendNumber(out, static_cast<double>(s.sum_nanos) / 1e9);
    out += "\ntxng_http_request_duration_seconds_count{route=";
    AppendLabelValue(out, s.route);
    out += "} ";
    out += std::to_string(cumulative);  // the +Inf bucket, so the two always agree
    out += '\n';
  }

  AppendGauge(out, "txng_http_in_flight_requests", "Requests being handled right now.",
              static_cast<double>(in_flight_.load(std::memory_order_relaxed)));

  std::vector<std::function<void(std::string&)>> sources;
  {
    std::lock_guard lock(sources_mu_);
    sources = sources_;
  }
  for (const auto& source : sources) source(out);
  return out;
}

}  // namespace txng::http
