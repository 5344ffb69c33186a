#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"

namespace txng::http {
namespace {

using std::chrono::milliseconds;
using test::HttpClient;
using test::HttpResponse;
using Clock = std::chrono::steady_clock;

// A live server on 127.0.0.1 and a free port, running in its own thread.
class TestServer {
 public:
  explicit TestServer(ServerOptions options = {}) {
    router_.Add("GET", "/hello", [](Request&) { return Response::Text(200, "hello"); });
    router_.Add("POST", "/echo", [](Request& req) {
      Response r = Response::Text(200, req.body);
      r.content_type = req.Header("content-type").value_or("application/octet-stream");
      return r;
    });
    router_.Add("GET", "/items/{id}",
                [](Request& req) { return Response::Text(200, "item " + req.Param("id")); });
    router_.Add("GET", "/boom",
                [](Request&) -> Response { throw std::runtime_error("secret kaboom"); });
    router_.Add("GET", "/inject", [](Request& req) {
      Response r = Response::Text(200, "x");
      r.SetHeader("X-Name", req.Query("name").value_or(""));
      return r;
    });
    router_.Add("GET", "/bad-status", [](Request&) { return Response::Text(42, "x"); });
    router_.Add("GET", "/slow", [this](Request&) {
      slow_started_ = true;
      std::this_thread::sleep_for(milliseconds(300));
      return Response::Text(200, "slow done");
    });
    options.host = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    server_.emplace(options, router_, metrics_);
    Status listening = server_->Listen();
    EXPECT_TRUE(listening.ok()) << listening.ToString();
    thread_ = std::thread([this] { server_->Run(); });
  }

  ~TestServer() { Stop(); }

  // Stops the server and waits for Run() to return.
  void Stop() {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  uint16_t port() const { return server_->port(); }
  HttpClient Client() const { return HttpClient("127.0.0.1", port()); }
  Metrics& metrics() { return metrics_; }
  bool slow_started() const { return slow_started_; }

 private:
  Router router_;
  Metrics metrics_;
  std::atomic<bool> slow_started_{false};
  std::optional<Server> server_;
  std::thread thread_;
};

nlohmann::json Problem(const HttpResponse& r) {
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  return nlohmann::json::parse(r.body);
}

TEST(Server, KeepAliveServesTwoRequestsOnOneConnection) {
  TestServer server;
  HttpClient client = server.Client();
  HttpResponse first = client.Get("/hello");
  HttpResponse second = client.Get("/items/a%20b");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "hello");
  EXPECT_EQ(second.body, "item a b");
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST(Server, EveryResponseHasRequestIdAndSecurityHeaders) {
  TestServer server;
  HttpClient client = server.Client();
  for (const char* target : {"/hello", "/missing"}) {
    HttpResponse r = client.Get(target);
    ASSERT_TRUE(r.Header("x-request-id")) << target;
    EXPECT_EQ(r.Header("x-request-id")->size(), 16u);
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.Header("referrer-policy"), "same-origin");
    EXPECT_EQ(r.Header("x-frame-options"), "DENY");
    EXPECT_TRUE(r.Header("date"));
  }
}

TEST(Server, EchoesASafeIncomingRequestIdOnly) {
  TestServer server;
  HttpClient client = server.Client();
  EXPECT_EQ(client.Get("/hello", {{"X-Request-Id", "abc-123"}}).Header("x-request-id"), "abc-123");
  EXPECT_NE(client.Get("/hello", {{"X-Request-Id", "a;b"}}).Header("x-request-id"), "a;b");
  std::string too_long(65, 'a');
  EXPECT_NE(client.Get("/hello", {{"X-Request-Id", too_long}}).Header("x-request-id"), too_long);
}

TEST(Server, UnknownPathIs404Problem) {
  TestServer server;
  HttpResponse r = server.Client().Get("/nope?x=1");
  EXPECT_EQ(r.status, 404);
  nlohmann::json p = Problem(r);
  EXPECT_EQ(p["type"], "urn:txng:problem:not_found");
  EXPECT_EQ(p["status"], 404);
  EXPECT_EQ(p["instance"], "/nope");
}

TEST(Server, WrongMethodIs405ProblemWithAllow) {
  TestServer server;
  HttpResponse r = server.Client().Request("DELETE", "/hello");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "GET, HEAD");
  EXPECT_EQ(Problem(r)["type"], "urn:txng:problem:method_not_allowed");
}

TEST(Server, HeadSendsHeadersWithoutBody) {
  TestServer server;
  HttpClient client = server.Client();
  HttpResponse r = client.Request("HEAD", "/hello");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-length"), "5");
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(client.Get("/hello").body, "hello");
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST(Server, OversizedBodyIs413AndServerKeepsServing) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(options);
  HttpClient client = server.Client();
  EXPECT_EQ(client.Request("POST", "/echo", std::string(1024, 'x')).status, 200);
  HttpResponse r = client.Request("POST", "/echo", std::string(64 * 1024, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_EQ(Problem(r)["type"], "urn:txng:problem:payload_too_large");
  EXPECT_EQ(server.Client().Get("/hello").status, 200);
}

TEST(Server, OversizedHeadersAre431) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  TestServer server(options);
  HttpResponse r = server.Client().Get("/hello", {{"X-Big", std::string(4000, 'h')}});
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(Problem(r)["type"], "urn:txng:problem:request_header_fields_too_large");
  EXPECT_EQ(server.Client().Get("/hello").status, 200);
}

TEST(Server, MalformedRequestsAre400) {
  TestServer server;
  std::string garbage = HttpClient::RawExchange("127.0.0.1", server.port(), "GARBAGE\r\n\r\n");
  EXPECT_TRUE(garbage.starts_with("HTTP/1.1 400 ")) << garbage;
  std::string bad_escape =
      HttpClient::RawExchange("127.0.0.1", server.port(),
                              "GET /items/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(bad_escape.starts_with("HTTP/1.1 400 ")) << bad_escape;
  EXPECT_NE(bad_escape.find("application/problem+json"), std::string::npos);
  std::string no_host = HttpClient::RawExchange("127.0.0.1", server.port(),
                                                "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(no_host.starts_with("HTTP/1.1 400 ")) << no_host;
}

TEST(Server, Http10WithoutKeepAliveIsAnsweredAndClosed) {
  TestServer server;
  Clock::time_point start = Clock::now();
  std::string r =
      HttpClient::RawExchange("127.0.0.1", server.port(), "GET /hello HTTP/1.0\r\n\r\n");
  EXPECT_LT(Clock::now() - start, milliseconds(1000));
  EXPECT_TRUE(r.starts_with("HTTP/1.0 200 OK\r\n")) << r;
  EXPECT_TRUE(r.ends_with("\r\n\r\nhello")) << r;
}

TEST(Server, AnswersExpectContinue) {
  TestServer server;
  std::string r = HttpClient::RawExchange(
      "127.0.0.1", server.port(),
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n"
      "Connection: close\r\n\r\nhi");
  EXPECT_TRUE(r.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")) << r;
  EXPECT_TRUE(r.ends_with("\r\n\r\nhi")) << r;
}

TEST(Server, SlowClientIsDisconnectedAfterReadTimeout) {
  ServerOptions options;
  options.read_timeout_ms = 200;
  TestServer server(options);
  Clock::time_point start = Clock::now();
  std::string r = HttpClient::RawExchange("127.0.0.1", server.port(),
                                          "GET /hello HTTP/1.1\r\nHost: x\r\n", milliseconds(3000));
  Clock::duration elapsed = Clock::now() - start;
  EXPECT_EQ(r, "");
  EXPECT_GE(elapsed, milliseconds(150));
  EXPECT_LT(elapsed, milliseconds(1500));
  EXPECT_EQ(server.Client().Get("/hello").status, 200);
}

TEST(Server, HandlerExceptionIs500ProblemWithoutDetails) {
  TestServer server;
  HttpResponse r = server.Client().Get("/boom");
  EXPECT_EQ(r.status, 500);
  nlohmann::json p = Problem(r);
  EXPECT_EQ(p["type"], "urn:txng:problem:internal");
  std::string detail = p["detail"];
  EXPECT_EQ(detail.find("kaboom"), std::string::npos);
  EXPECT_NE(detail.find(r.Header("x-request-id").value_or("?")), std::string::npos) << detail;
}

TEST(Server, MalformedHandlerResponsesBecome500) {
  TestServer server;
  HttpClient client = server.Client();
  HttpResponse ok = client.Get("/inject?name=plain");
  EXPECT_EQ(ok.Header("x-name"), "plain");
  HttpResponse injected = client.Get("/inject?name=a%0D%0ASet-Cookie:+evil=1");
  EXPECT_EQ(injected.status, 500);
  EXPECT_FALSE(injected.Header("set-cookie"));
  EXPECT_EQ(client.Get("/bad-status").status, 500);
}

TEST(Server, StopLetsInFlightRequestFinishAndClosesIdleConnections) {
  ServerOptions options;
  options.shutdown_grace_ms = 5000;
  TestServer server(options);
  HttpClient idle = server.Client();
  ASSERT_EQ(idle.Get("/hello").status, 200);  // stays open, idle

  std::optional<HttpResponse> slow;
  std::thread requester([&] { slow = server.Client().Get("/slow"); });
  while (!server.slow_started()) std::this_thread::sleep_for(milliseconds(1));
  Clock::time_point start = Clock::now();
  server.Stop();
  requester.join();
  EXPECT_LT(Clock::now() - start, milliseconds(2000));
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200);
  EXPECT_EQ(slow->body, "slow done");
  EXPECT_EQ(slow->Header("connection"), "close");
  EXPECT_THROW(HttpClient("127.0.0.1", server.port(), milliseconds(500)).Get("/hello"),
               std::runtime_error);
}

TEST(Server, StopBeforeRunReturnsPromptly) {
  Router router;
  Metrics metrics;
  Server server(ServerOptions{.port = 0}, router, metrics);
  ASSERT_TRUE(server.Listen().ok());
  server.Stop();
  server.Run();
}

TEST(Server, ListenFailsWhenThePortIsTaken) {
  TestServer first;
  Router router;
  Metrics metrics;
  Server second(ServerOptions{.port = first.port()}, router, metrics);
  Status s = second.Listen();
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find(std::to_string(first.port())), std::string::npos) << s.ToString();
}

TEST(Server, ConcurrentClientsGetNoErrors) {
  TestServer server;
  constexpr int kThreads = 8;
  constexpr int kRequests = 200;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client = server.Client();
      for (int i = 0; i < kRequests; ++i) {
        try {
          std::string body = std::to_string(t) + "-" + std::to_string(i);
          HttpResponse r =
              i % 2 == 0 ? client.Get("/hello") : client.Request("POST", "/echo", body);
          if (r.status != 200 || r.body != (i % 2 == 0 ? "hello" : body)) ++errors;
        } catch (const std::exception&) {
          ++errors;
        }
      }
      if (client.connections_opened() != 1) ++errors;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(errors, 0);
  std::string metrics = server.metrics().Render();
  EXPECT_NE(metrics.find("txng_http_requests_total{route=\"GET /hello\",method=\"GET\",status="
                         "\"200\"} 800\n"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("txng_http_request_duration_seconds_count{route=\"POST /echo\"} 800\n"),
            std::string::npos);
}

TEST(Server, UnmatchedRequestsAreCountedUnderOneRoute) {
  TestServer server;
  HttpClient client = server.Client();
  client.Get("/a");
  client.Get("/b");
  EXPECT_NE(server.metrics().Render().find("txng_http_requests_total{route=\"unmatched\",method="
                                           "\"GET\",status=\"404\"} 2\n"),
            std::string::npos);
}

}  // namespace
}  // namespace txng::http
