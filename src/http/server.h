// The HTTP/1.1 server: Boost.Beast underneath, Router handlers on top.
//
//   Router router;
//   router.Add("GET", "/healthz", [](Request&) { return Response::Text(200, "ok"); });
//   Metrics metrics;
//   Server server(ServerOptions{.port = 8080, .handle_signals = true}, router, metrics);
//   TXNG_RETURN_IF_ERROR(server.Listen());
//   server.Run();  // until SIGTERM/SIGINT or Stop()
//
// Handlers are synchronous and may block (on the database): they run on one
// of `threads` I/O threads, one request at a time per connection, so a
// blocking handler holds one thread, never the others. Every response gets
// X-Request-Id, Date and the security headers; errors the server answers
// itself (404, 405, 400, 413, 431, a handler's exception -> 500) are
// RFC 7807 problem documents. Every request is counted in Metrics and written
// to the access log.
#ifndef TXNG_HTTP_SERVER_H_
#define TXNG_HTTP_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/metrics.h"
#include "http/router.h"

namespace txng::http {

struct ServerOptions {
  std::string host = "127.0.0.1";           // an IP address or a name resolved at Listen()
  uint16_t port = 8080;                     // 0: any free port, see Server::port()
  int threads = 4;                          // I/O threads, which also run the handlers
  size_t max_header_bytes = 16 * 1024;      // request line and headers; over it: 431
  size_t max_body_bytes = 8 * 1024 * 1024;  // over it: 413 and the connection closes
  int read_timeout_ms = 15000;       // the whole request, from its first byte (and each write)
  int keepalive_timeout_ms = 60000;  // idle time allowed between two requests
  int shutdown_grace_ms = 10000;     // after Stop(), then connections are force-closed
  bool handle_signals = false;       // Run() stops gracefully on SIGTERM and SIGINT
  bool access_log = true;            // one line per request; see access_log.h
};

class ServerImpl;

class Server {
 public:
  // `router` and `metrics` must outlive the server.
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Unavailable when the address cannot be bound (port
  // taken, no such interface).
  Status Listen();
  // The bound port (useful with port 0); 0 before Listen().
  uint16_t port() const;

  // Serves until Stop() (or a signal, with handle_signals), then returns once
  // every in-flight request has been answered; Listen() must have succeeded.
  // Call at most once.
  void Run();

  // Graceful stop, callable from any thread (also before Run(), which then
  // returns at once) and more than once: stops accepting, closes idle
  // keep-alive connections, lets requests being read or handled finish and
  // answers them with `Connection: close`. After shutdown_grace_ms the
  // remaining connections are closed; a handler still running then cannot be
  // interrupted and Run() returns when it does.
  void Stop();

 private:
  std::unique_ptr<ServerImpl> impl_;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_SERVER_H_
