#include "http/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace txng::http {
namespace {

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Metrics, CountsRequestsByRouteMethodAndStatus) {
  Metrics m;
  for (int status : {200, 200, 404}) {
    m.RequestStarted();
    m.RequestFinished("GET /a/{id}", "GET", status, 0.002);
  }
  m.RequestStarted();
  m.RequestFinished("unmatched", "BREW", 405, 0.0001);
  std::string out = m.Render();
  EXPECT_TRUE(Contains(out, "# TYPE txng_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(
      out, "txng_http_requests_total{route=\"GET /a/{id}\",method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(
      out, "txng_http_requests_total{route=\"GET /a/{id}\",method=\"GET\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(
      out, "txng_http_requests_total{route=\"unmatched\",method=\"other\",status=\"405\"} 1\n"))
      << out;
  EXPECT_TRUE(Contains(out, "txng_http_in_flight_requests 0\n"));
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m;
  for (double seconds : {0.0001, 0.0005, 0.003, 0.2, 42.0}) {
    m.RequestStarted();
    m.RequestFinished("GET /x", "GET", 200, seconds);
  }
  std::string out = m.Render();
  const char* kExpected[] = {
      "# TYPE txng_http_request_duration_seconds histogram\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"0.0005\"} 2\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"0.001\"} 2\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"0.005\"} 3\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"0.25\"} 4\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"10\"} 4\n",
      "txng_http_request_duration_seconds_bucket{route=\"GET /x\",le=\"+Inf\"} 5\n",
      "txng_http_request_duration_seconds_sum{route=\"GET /x\"} 42.2036\n",
      "txng_http_request_duration_seconds_count{route=\"GET /x\"} 5\n",
  };
  for (const char* line : kExpected) EXPECT_TRUE(Contains(out, line)) << line << out;
}

TEST(Metrics, InFlightGauge) {
  Metrics m;
  m.RequestStarted();
  m.RequestStarted();
  EXPECT_TRUE(Contains(m.Render(), "txng_http_in_flight_requests 2\n"));
  m.RequestFinished("GET /x", "GET", 200, 0);
  EXPECT_TRUE(Contains(m.Render(), "txng_http_in_flight_requests 1\n"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.RequestStarted();
  m.RequestFinished("GET /a\"b\\c\nd", "GET", 200, 0);
  EXPECT_TRUE(Contains(m.Render(), "route=\"GET /a\\\"b\\\\c\\nd\""));
}

TEST(Metrics, GaugeSourcesAppendAtRenderTime) {
  Metrics m;
  int calls = 0;
  m.AddGaugeSource([&calls](std::string& out) {
    ++calls;
    Metrics::AppendGauge(out, "txng_db_pool_in_use", "Connections in use.", 3);
  });
  std::string out = m.Render();
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(Contains(out,
                       "# HELP txng_db_pool_in_use Connections in use.\n"
                       "# TYPE txng_db_pool_in_use gauge\n"
                       "txng_db_pool_in_use 3\n"));
  m.Render();
  EXPECT_EQ(calls, 2);
}

TEST(Metrics, ConcurrentUpdatesAreAllCounted) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 5000; ++i) {
        m.RequestStarted();
        m.RequestFinished(t % 2 == 0 ? "GET /even" : "GET /odd", "GET", 200, 0.001);
        if (i % 1000 == 0) m.Render();
      }
    });
  }
  for (auto& t : threads) t.join();
  std::string out = m.Render();
  EXPECT_TRUE(Contains(
      out, "txng_http_requests_total{route=\"GET /even\",method=\"GET\",status=\"200\"} 10000\n"));
  EXPECT_TRUE(
      Contains(out, "txng_http_request_duration_seconds_count{route=\"GET /odd\"} 10000\n"));
  EXPECT_TRUE(Contains(out, "txng_http_in_flight_requests 0\n"));
}

}  // namespace
}  // namespace txng::http
