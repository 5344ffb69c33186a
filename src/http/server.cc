// The only translation unit of the server that includes Boost.Beast.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>  // before Asio: g++ 12 needs std::exchange declared first
#include <vector>

#include "common/clock.h"
#include "http/access_log.h"
#include "http/problem.h"
#include "http/request_context.h"

namespace txng::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

// How long a connection that is closing keeps reading (and discarding) what
// the client still sends, so that the client receives our last response
// instead of a reset caused by unread data.
constexpr auto kLingerTime = std::chrono::seconds(1);

bool IsSafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

// 16 hex digits; unique enough to find a request in the logs, not a secret.
std::string NewRequestId() {
  thread_local std::mt19937_64 rng(std::random_device{}());
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t v = rng();
  std::string id(16, '0');
  for (char& c : id) {
    c = kHex[v & 0xF];
    v >>= 4;
  }
  return id;
}

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), recomputed once a second per thread.
std::string_view HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local char buf[32];
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    cached_second = now;
  }
  return buf;
}

bool HasHeader(const Response& r, std::string_view name) {
  for (const auto& [key, value] : r.headers) {
    if (beast::iequals(key, name)) return true;
  }
  return false;
}

// Splits the target into Request::target, path and query; false when the
// path is not origin-form or has a malformed escape.
bool FillTarget(std::string_view target, Request& req) {
  req.target = std::string(target);
  if (target.empty() || target.front() != '/') return false;
  size_t q = target.find('?');
  std::optional<std::string> path = PercentDecode(target.substr(0, q), /*plus_as_space=*/false);
  if (!path) return false;
  req.path = std::move(*path);
  if (q != std::string_view::npos) req.query = ParseQueryString(target.substr(q + 1));
  return true;
}

Problem MakeProblem(int status, std::string type_name, std::string title, std::string detail,
                    std::string instance = {}) {
  Problem p;
  p.status = status;
  p.type_name = std::move(type_name);
  p.title = std::move(title);
  p.detail = std::move(detail);
  p.instance = std::move(instance);
  return p;
}

// A handler's status and headers must not break the response framing (a
// CR or LF in a value would let request data inject headers).
bool IsWellFormed(const Response& r) {
  auto bad_value = [](std::string_view v) {
    return v.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
  };
  if (r.status < 100 || r.status > 599 || bad_value(r.content_type)) return false;
  for (const auto& [name, value] : r.headers) {
    if (name.empty() || bad_value(value)) return false;
    for (char c : name) {
      if (c <= ' ' || c >= 127 || c == ':') return false;
    }
  }
  return true;
}

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category();
}

class Connection;

}  // namespace

class ServerImpl {
 public:
  ServerImpl(ServerOptions options, const Router& router, Metrics& metrics)
      : options_(std::move(options)),
        router_(router),
        metrics_(metrics),
        control_(net::make_strand(ioc_)),
        acceptor_(control_),
        grace_timer_(control_),
        accept_retry_timer_(control_) {
    if (options_.access_log) access_log_.emplace();
  }

  ~ServerImpl() {
    // Connections destroyed with the io_context must not post anything.
    std::lock_guard lock(connections_mu_);
    destroying_ = true;
  }

  Status Listen();
  void Run();
  void Stop();
  uint16_t port() const { return port_; }

  const ServerOptions& options() const { return options_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  // Routes and runs the handler, then adds the common headers and records
  // metrics and the access log. `req.request_id` must be set; `target_ok`
  // false answers 400 without routing.
  Response Handle(Request& req, bool target_ok);
  // Answers a request that never reached routing (413, 431, 400).
  Response Reject(Request& req, const Problem& problem);

  void Register(Connection* c, std::weak_ptr<Connection> weak);
  void Unregister(Connection* c);

 private:
  void Accept();
  void BeginShutdown();
  void Finish(Request& req, Response& res, std::string_view route, SteadyClock::time_point started);

  const ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  std::optional<AccessLog> access_log_;
  std::atomic<bool> stopping_{false};
  uint16_t port_ = 0;

  // Declared before the io_context: connections still queued in it when it
  // is destroyed unregister themselves.
  std::mutex connections_mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  bool destroying_ = false;

  net::io_context ioc_;
  // Serialises the acceptor, the signal set and the grace timer.
  net::strand<net::io_context::executor_type> control_;
  tcp::acceptor acceptor_;
  net::steady_timer grace_timer_;
  net::steady_timer accept_retry_timer_;
  std::optional<net::signal_set> signals_;
};

namespace {

// One client connection. Every member function runs on the connection's
// strand; the state machine is: wait for the first byte of a request (idle),
// read the header then the body (reading), run the handler, write the
// response, and either wait again or linger and close.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, ServerImpl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = peer.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }

  ~Connection() { server_.Unregister(this); }

  net::any_io_executor executor() { return stream_.get_executor(); }

  void Start() { WaitForRequest(); }

  // Stop(): an idle connection closes now; one reading or handling a
  // request finishes it and closes after the response.
  void Shutdown() {
    if (idle_) stream_.cancel();
  }

  void ForceClose() {
    beast::error_code ec;
    stream_.socket().close(ec);
  }

 private:
  std::chrono::milliseconds Ms(int ms) { return std::chrono::milliseconds(ms); }

  void WaitForRequest() {
    if (server_.stopping()) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is waiting
    idle_ = true;
    // The first request must start within the read timeout; later ones
    // within the keep-alive timeout.
    stream_.expires_after(Ms(served_ == 0 ? server_.options().read_timeout_ms
                                          : server_.options().keepalive_timeout_ms));
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->idle_ = false;
                              if (ec) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options().max_header_bytes));
    parser_->body_limit(server_.options().max_body_bytes);
    // One deadline for the whole request: header, 100 Continue and body.
    stream_.expires_after(Ms(server_.options().read_timeout_ms));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, size_t) {
                               if (ec) return self->OnReadError(ec);
                               self->OnHeader();
                             });
  }

  void OnHeader() {
    const auto& msg = parser_->get();
    if (!parser_->is_done() && beast::iequals(msg[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return OnRequest();
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return self->OnReadError(ec);
                        self->OnRequest();
                      });
  }

  void OnReadError(beast::error_code ec) {
    Problem p;
    if (ec == bhttp::error::body_limit) {
      p = MakeProblem(413, "payload_too_large", "Payload too large",
                      "the request body exceeds " +
                          std::to_string(server_.options().max_body_bytes) + " bytes");
    } else if (ec == bhttp::error::header_limit) {
      p = MakeProblem(431, "request_header_fields_too_large", "Request header fields too large",
                      "the request line and headers exceed " +
                          std::to_string(server_.options().max_header_bytes) + " bytes");
    } else if (IsParseError(ec) && ec != bhttp::error::end_of_stream &&
               ec != bhttp::error::partial_message) {
      p = MakeProblem(400, "malformed_request", "Malformed request",
                      "unparsable HTTP request: " + ec.message());
    } else {
      // Timeout, reset, or the client went away mid-request: nobody to answer.
      return Close();
    }
    Request req;
    req.remote_addr = remote_;
    if (parser_->is_header_done()) {
      const auto& msg = parser_->get();
      req.method = std::string(msg.method_string());
      FillTarget(msg.target(), req);
      req.headers.emplace_back("user-agent", std::string(msg[bhttp::field::user_agent]));
    }
    req.request_id = NewRequestId();
    p.instance = req.path;
    Respond(server_.Reject(req, p), /*keep_alive=*/false, /*head=*/false);
  }

  void OnRequest() {
    ++served_;
    bhttp::request<bhttp::string_body> msg = parser_->release();
    Request req;
    req.method = std::string(msg.method_string());
    bool target_ok = FillTarget(msg.target(), req);
    req.headers.reserve(std::distance(msg.begin(), msg.end()));
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.remote_addr = remote_;
    std::string_view incoming_id = msg["X-Request-Id"];
    req.request_id = IsSafeRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
    if (msg.version() >= 11 && msg.find(bhttp::field::host) == msg.end()) target_ok = false;

    bool keep_alive = msg.keep_alive();
    version_ = msg.version();
    Respond(server_.Handle(req, target_ok), keep_alive, msg.method() == bhttp::verb::head);
  }

  void Respond(Response res, bool keep_alive, bool head) {
    keep_alive = keep_alive && !server_.stopping();
    response_ = {};
    response_.version(version_);
    response_.result(static_cast<unsigned>(res.status));
    for (auto& [name, value] : res.headers) response_.insert(name, value);
    bool no_body = res.status < 200 || res.status == 204 || res.status == 304;
    if (!res.content_type.empty() && !(no_body && res.body.empty())) {
      response_.set(bhttp::field::content_type, res.content_type);
    }
    response_.set(bhttp::field::date, HttpDate());
    response_.keep_alive(keep_alive);
    if (!no_body) {
      response_.content_length(res.body.size());
      // A HEAD response announces the length of the body it does not send.
      if (!head) response_.body() = std::move(res.body);
    }
    stream_.expires_after(Ms(server_.options().read_timeout_ms));
    bhttp::async_write(stream_, response_,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         if (keep_alive) return self->WaitForRequest();
                         self->Linger();
                       });
  }

  // Half-closes, then discards input until the client closes or kLingerTime.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_buf_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  ServerImpl& server_;
  std::string remote_;
  bool idle_ = false;  // waiting for the first byte of a request; Stop() closes it
  int served_ = 0;
  unsigned version_ = 11;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  std::array<char, 4096> drain_buf_;
};

}  // namespace

Status ServerImpl::Listen() {
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(options_.host, ec);
  if (ec) {
    tcp::resolver resolver(ioc_);
    auto results = resolver.resolve(options_.host, std::to_string(options_.port), ec);
    if (ec || results.empty()) {
      return Status::Unavailable("cannot resolve listen host " + options_.host + ": " +
                                 ec.message());
    }
    address = results.begin()->endpoint().address();
  }
  tcp::endpoint endpoint(address, options_.port);
  auto fail = [&](std::string_view what) {
    beast::error_code ignored;
    acceptor_.close(ignored);
    return Status::Unavailable(std::string("cannot listen on ") + options_.host + ":" +
                               std::to_string(options_.port) + ": " + std::string(what) + ": " +
                               ec.message());
  };
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return fail("open");
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail("SO_REUSEADDR");
  acceptor_.bind(endpoint, ec);
  if (ec) return fail("bind");
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen");
  port_ = acceptor_.local_endpoint(ec).port();
  return Status::Ok();
}

void ServerImpl::Run() {
  if (!acceptor_.is_open()) {
    spdlog::error("Server::Run() called without a successful Listen()");
    return;
  }
  net::dispatch(control_, [this] {
    if (options_.handle_signals) {
      signals_.emplace(control_, SIGINT, SIGTERM);
      signals_->async_wait([this](beast::error_code ec, int signal) {
        if (ec) return;
        spdlog::info("signal {} received; shutting down gracefully", signal);
        Stop();
      });
    }
    Accept();
  });
  auto run = [this] {
    // Handler exceptions are answered with 500 before reaching Asio; anything
    // else escaping a completion handler is logged and the thread goes on.
    while (true) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("unexpected exception in the HTTP server: {}", e.what());
      }
    }
  };
  std::vector<std::thread> extra;
  for (int i = 1; i < options_.threads; ++i) extra.emplace_back(run);
  run();
  for (std::thread& t : extra) t.join();
}

void ServerImpl::Accept() {
  if (stopping()) return;
  acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping()) return;
    if (ec) {
      // Out of descriptors or a transient network error: retry shortly
      // rather than spin.
      spdlog::warn("accept failed: {}", ec.message());
      accept_retry_timer_.expires_after(std::chrono::milliseconds(100));
      accept_retry_timer_.async_wait([this](beast::error_code ec) {
        if (!ec) Accept();
      });
      return;
    }
    auto connection = std::make_shared<Connection>(std::move(socket), *this);
    Register(connection.get(), connection);
    net::dispatch(connection->executor(), [connection] { connection->Start(); });
    Accept();
  });
}

void ServerImpl::Stop() {
  if (stopping_.exchange(true, std::memory_order_acq_rel)) return;
  net::post(control_, [this] { BeginShutdown(); });
}

void ServerImpl::BeginShutdown() {
  beast::error_code ec;
  acceptor_.close(ec);
  accept_retry_timer_.cancel();
  if (signals_) signals_->cancel(ec);
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(connections_mu_);
    for (auto& [ptr, weak] : connections_) {
      if (auto c = weak.lock()) live.push_back(std::move(c));
    }
  }
  if (live.empty()) return;
  grace_timer_.expires_after(std::chrono::milliseconds(options_.shutdown_grace_ms));
  grace_timer_.async_wait([this](beast::error_code ec) {
    if (ec) return;  // every connection closed in time
    std::lock_guard lock(connections_mu_);
    spdlog::warn("shutdown grace period over; closing {} connection(s)", connections_.size());
    for (auto& [ptr, weak] : connections_) {
      if (auto c = weak.lock()) net::post(c->executor(), [c] { c->ForceClose(); });
    }
  });
  for (auto& c : live) net::post(c->executor(), [c] { c->Shutdown(); });
}

void ServerImpl::Register(Connection* c, std::weak_ptr<Connection> weak) {
  std::lock_guard lock(connections_mu_);
  connections_.emplace(c, std::move(weak));
}

void ServerImpl::Unregister(Connection* c) {
  std::lock_guard lock(connections_mu_);
  connections_.erase(c);
  if (connections_.empty() && stopping() && !destroying_) {
    net::post(control_, [this] { grace_timer_.cancel(); });
  }
}

Response ServerImpl::Handle(Request& req, bool target_ok) {
  SteadyClock::time_point started = SteadyClock::now();
  metrics_.RequestStarted();
  if (!target_ok) {
    Response res = RenderProblem(MakeProblem(400, "malformed_request", "Malformed request",
                                             "the request target is not a valid absolute path, "
                                             "or the Host header is missing",
                                             req.path));
    Finish(req, res, "unmatched", started);
    return res;
  }
  RouteMatch match = router_.Match(req);
  Response res;
  if (match.handler == nullptr) {
    if (match.method_not_allowed) {
      std::string allow;
      for (const std::string& m : match.allowed_methods) {
        if (!allow.empty()) allow += ", ";
        allow += m;
      }
      res = RenderProblem(MakeProblem(405, "method_not_allowed", "Method not allowed",
                                      req.method + " is not allowed here; use " + allow, req.path));
      res.SetHeader("Allow", allow);
    } else {
      res = ProblemResponse(Status::NotFound("no resource at " + req.path), req.path);
    }
  } else {
    ScopedRequestId scope(req.request_id);
    try {
      res = (*match.handler)(req);
    } catch (const std::exception& e) {
      res = ProblemResponse(Status::Internal(match.route_name + " threw: " + e.what()), req.path);
    } catch (...) {
      res =
          ProblemResponse(Status::Internal(match.route_name + " threw a non-exception"), req.path);
    }
    if (!IsWellFormed(res)) {
      res = ProblemResponse(
          Status::Internal(match.route_name + " returned status " + std::to_string(res.status) +
                           " or a header with a forbidden character"),
          req.path);
    }
  }
  Finish(req, res, match.route_name, started);
  return res;
}

Response ServerImpl::Reject(Request& req, const Problem& problem) {
  SteadyClock::time_point started = SteadyClock::now();
  metrics_.RequestStarted();
  Response res = RenderProblem(problem);
  Finish(req, res, "unmatched", started);
  return res;
}

void ServerImpl::Finish(Request& req, Response& res, std::string_view route,
                        SteadyClock::time_point started) {
  res.SetHeader("X-Request-Id", req.request_id);
  if (!HasHeader(res, "X-Content-Type-Options")) res.SetHeader("X-Content-Type-Options", "nosniff");
  if (!HasHeader(res, "Referrer-Policy")) res.SetHeader("Referrer-Policy", "same-origin");
  if (!HasHeader(res, "X-Frame-Options")) res.SetHeader("X-Frame-Options", "DENY");
  double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
  metrics_.RequestFinished(route, req.method.empty() ? "other" : req.method, res.status, seconds);
  if (access_log_) {
    std::optional<std::string> user_agent = req.Header("user-agent");
    access_log_->Write({.time = NowMillis(),
                        .request_id = req.request_id,
                        .remote = req.remote_addr,
                        .method = req.method,
                        .target = req.target,
                        .route = route,
                        .status = res.status,
                        .bytes = res.body.size(),
                        .duration_ms = seconds * 1000,
                        .user_agent = user_agent ? *user_agent : std::string_view()});
  }
}

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<ServerImpl>(std::move(options), router, metrics)) {}

Server::~Server() = default;

Status Server::Listen() { return impl_->Listen(); }

uint16_t Server::port() const { return impl_->port(); }

void Server::Run() { impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace txng::http
