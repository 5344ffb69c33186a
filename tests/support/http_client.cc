#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <limits>
#include <stdexcept>
#include <utility>  // before Asio: g++ 12 needs std::exchange declared first

namespace txng::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

// Runs one asynchronous operation to completion on `ioc`; `start` receives
// the completion handler. The stream's expiry turns a stall into an error.
template <typename Start>
beast::error_code RunOp(net::io_context& ioc, Start start) {
  beast::error_code result;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.restart();
  ioc.run();
  return result;
}

beast::error_code Connect(net::io_context& ioc, beast::tcp_stream& stream, const std::string& host,
                          uint16_t port, std::chrono::milliseconds timeout) {
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) return ec;
  stream.expires_after(timeout);
  return RunOp(ioc, [&](auto handler) { stream.async_connect(endpoints, handler); });
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) return value;
  }
  return std::nullopt;
}

class HttpClient::Impl {
 public:
  Impl(std::string host, uint16_t port, std::chrono::milliseconds timeout)
      : host_(std::move(host)), port_(port), timeout_(timeout) {}

  HttpResponse Request(std::string_view method, std::string_view target, std::string_view body,
                       const HttpHeaders& headers) {
    bhttp::request<bhttp::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
    req.set(bhttp::field::user_agent, "txng-test-client");
    for (const auto& [name, value] : headers) {
      if (beast::iequals(name, "host") || beast::iequals(name, "user-agent")) {
        req.set(name, value);
      } else {
        req.insert(name, value);
      }
    }
    req.body() = std::string(body);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
      req.prepare_payload();
    }

    for (int attempt = 0;; ++attempt) {
      bool reused = stream_.has_value();
      if (!stream_) Open();
      beast::error_code ec =
          RunWithTimeout([&](auto handler) { bhttp::async_write(*stream_, req, handler); });
      bhttp::response_parser<bhttp::string_body> parser;
      parser.body_limit(std::numeric_limits<uint64_t>::max());
      parser.skip(method == "HEAD");
      if (!ec) {
        ec = RunWithTimeout(
            [&](auto handler) { bhttp::async_read(*stream_, buffer_, parser, handler); });
      }
      if (ec) {
        Close();
        // The server may close an idle keep-alive connection just as we reuse it.
        if (reused && attempt == 0 && !parser.got_some() && ec != beast::error::timeout) continue;
        throw std::runtime_error(std::string(method) + " " + std::string(target) + ": " +
                                 ec.message());
      }
      auto& msg = parser.get();
      HttpResponse out;
      out.status = static_cast<int>(msg.result_int());
      for (const auto& field : msg) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      out.body = std::move(msg.body());
      if (!msg.keep_alive()) Close();
      return out;
    }
  }

  void Close() {
    if (!stream_) return;
    beast::error_code ec;
    stream_->socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_->socket().close(ec);
    stream_.reset();
    buffer_.clear();
  }

  int connections_opened() const { return connections_opened_; }

 private:
  void Open() {
    stream_.emplace(ioc_);
    beast::error_code ec = Connect(ioc_, *stream_, host_, port_, timeout_);
    if (ec) {
      stream_.reset();
      throw std::runtime_error("connect to " + host_ + ":" + std::to_string(port_) + ": " +
                               ec.message());
    }
    ++connections_opened_;
  }

  template <typename Start>
  beast::error_code RunWithTimeout(Start start) {
    stream_->expires_after(timeout_);
    return RunOp(ioc_, start);
  }

  std::string host_;
  uint16_t port_;
  std::chrono::milliseconds timeout_;
  net::io_context ioc_;
  std::optional<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
  int connections_opened_ = 0;
};

HttpClient::HttpClient(std::string host, uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(std::move(host), port, timeout)) {}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::Request(std::string_view method, std::string_view target,
                                 std::string_view body, const HttpHeaders& headers) {
  return impl_->Request(method, target, body, headers);
}

int HttpClient::connections_opened() const { return impl_->connections_opened(); }

void HttpClient::Close() { impl_->Close(); }

std::string HttpClient::RawExchange(const std::string& host, uint16_t port, std::string_view bytes,
                                    std::chrono::milliseconds timeout) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code ec = Connect(ioc, stream, host, port, timeout);
  if (ec)
    throw std::runtime_error("connect to " + host + ":" + std::to_string(port) + ": " +
                             ec.message());
  // One deadline for the whole exchange.
  stream.expires_after(timeout);
  ec = RunOp(ioc, [&](auto handler) {
    net::async_write(stream, net::buffer(bytes.data(), bytes.size()), handler);
  });
  std::string received;
  if (ec) return received;
  char chunk[4096];
  while (true) {
    size_t n = 0;
    ec = RunOp(ioc, [&](auto handler) {
      stream.async_read_some(net::buffer(chunk), [&n, handler](beast::error_code e, size_t got) {
        n = got;
        handler(e);
      });
    });
    received.append(chunk, n);
    if (ec) return received;
  }
}

}  // namespace txng::test
