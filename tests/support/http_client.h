// A small blocking HTTP/1.1 client for tests of any layer.
//
//   txng::test::HttpClient client("127.0.0.1", server.port());
//   txng::test::HttpResponse r = client.Request("POST", "/api/v1/products", R"({"name":"x"})",
//                                               {{"Content-Type", "application/json"}});
//   EXPECT_EQ(r.status, 201);
//   EXPECT_EQ(r.Header("content-type"), "application/json");
//
// One client holds one keep-alive connection and reuses it for consecutive
// requests (connections_opened() tells how many it needed). It reconnects
// when the server said `Connection: close`, and retries a request once on a
// fresh connection when a reused one turns out to be closed before any byte
// of the response arrived (the usual keep-alive race). Network failures and
// timeouts throw std::runtime_error, which GoogleTest reports as a failure.
// Not thread-safe: use one client per thread.
#ifndef TXNG_TESTS_SUPPORT_HTTP_CLIENT_H_
#define TXNG_TESTS_SUPPORT_HTTP_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace txng::test {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;  // names lower-cased, in received order
  std::string body;

  // First value of a header (name matched case-insensitively).
  std::optional<std::string> Header(std::string_view name) const;
};

class HttpClient {
 public:
  // Connects lazily, on the first request. `timeout` bounds each connect,
  // write and read.
  HttpClient(std::string host, uint16_t port,
             std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads its response. Host, User-Agent and (when a
  // body is given or the method is POST, PUT or PATCH) Content-Length are
  // added; `headers` may override Host and User-Agent.
  HttpResponse Request(std::string_view method, std::string_view target, std::string_view body = {},
                       const HttpHeaders& headers = {});
  HttpResponse Get(std::string_view target, const HttpHeaders& headers = {}) {
    return Request("GET", target, {}, headers);
  }

  // TCP connections opened so far.
  int connections_opened() const;
  // Closes the connection now; the next request opens a new one.
  void Close();

  // Opens a fresh connection, sends `bytes` verbatim and returns everything
  // received until the server closes the connection or `timeout` passes; for
  // malformed or deliberately incomplete requests.
  static std::string RawExchange(const std::string& host, uint16_t port, std::string_view bytes,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace txng::test

#endif  // TXNG_TESTS_SUPPORT_HTTP_CLIENT_H_
