#include "handlers/ops.h"

#include "http/problem.h"

namespace txng::handlers {

void RegisterOpsRoutes(http::Router& router, AppContext& app) {
  router.Add("GET", "/healthz", [](http::Request&) {
    http::Response r = http::Response::JsonText(200, R"({"status":"ok"})");
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });

  Store& store = app.store;
  router.Add("GET", "/readyz", [&store](http::Request& req) {
    if (Status s = store.Ping(); !s.ok()) {
      return http::ProblemResponse(
          Status::Unavailable("the database does not answer: " + s.message()), req.path);
    }
    http::Response r = http::Response::JsonText(200, R"({"status":"ready"})");
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });

  app.metrics.AddGaugeSource([&store](std::string& out) {
    const PoolStats s = store.db().Stats();
    http::Metrics::AppendGauge(out, "txng_db_pool_connections", "Database connections open.",
                               s.size);
    http::Metrics::AppendGauge(out, "txng_db_pool_in_use", "Database connections checked out.",
                               s.in_use);
    http::Metrics::AppendGauge(out, "txng_db_pool_waiting",
                               "Callers waiting for a database connection.", s.waiting);
    http::Metrics::AppendGauge(out, "txng_db_pool_acquired",
                               "Database connections handed out since start.",
                               static_cast<double>(s.acquired_total));
  });
  http::Metrics& metrics = app.metrics;
  router.Add("GET", "/metrics", [&metrics](http::Request&) {
    http::Response r;
    r.status = 200;
    r.content_type = std::string(http::kMetricsContentType);
    r.body = metrics.Render();
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace txng::handlers
