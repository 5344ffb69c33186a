#include "handlers/api_handler.h"

#include <charconv>

#include "handlers/auth.h"
#include "http/problem.h"

namespace txng::handlers {
namespace {

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

http::Handler Api(AppContext& app, ApiBody body) {
  return [&app, body = std::move(body)](http::Request& req) -> http::Response {
    auto principal = Authenticate(req, app.accounts);
    if (!principal.ok()) return http::ProblemResponse(principal.status(), req.path);
    if (Status s = CheckPasswordChosen(req, *principal); !s.ok()) {
      return http::ProblemResponse(s, req.path);
    }
    if (Status s = CheckCsrf(req, *principal); !s.ok()) return http::ProblemResponse(s, req.path);
    auto reply = body(req, *principal);
    if (!reply.ok()) return http::ProblemResponse(reply.status(), req.path);
    http::Response res = http::Response::JsonText(reply->status, DumpJson(reply->body));
    for (auto& [k, v] : reply->headers) {
      if (k == "Set-Cookie") {
        res.AddCookie(v);
      } else {
        res.SetHeader(k, v);
      }
    }
    res.SetHeader("Cache-Control", "no-store");
    return res;
  };
}

Result<int64_t> PathId(const http::Request& r, const char* name, const char* what) {
  const std::string raw = r.Param(name);
  auto id = ParseInt(raw);
  if (!id || *id <= 0) return Status::NotFound(std::string(what) + " '" + raw + "' not found");
  return *id;
}

Result<PageRequest> PageFromQuery(const http::Request& r) {
  PageRequest page;
  if (auto v = r.Query("limit")) {
    auto n = ParseInt(*v);
    if (!n || *n < 1 || *n > 500) {
      return Status::InvalidArgument("limit must be an integer from 1 to 500", "limit");
    }
    page.limit = static_cast<int>(*n);
  }
  if (auto v = r.Query("offset")) {
    auto n = ParseInt(*v);
    if (!n || *n < 0 || *n > 1'000'000'000) {
      return Status::InvalidArgument("offset must be a non-negative integer", "offset");
    }
    page.offset = static_cast<int>(*n);
  }
  return page;
}

Result<std::optional<int64_t>> IntQuery(const http::Request& r, const char* name) {
  auto v = r.Query(name);
  if (!v) return std::optional<int64_t>();
  auto n = ParseInt(*v);
  if (!n) return Status::InvalidArgument(std::string(name) + " must be an integer", name);
  return std::optional<int64_t>(*n);
}

Result<std::optional<ReviewStatus>> ReviewStatusQuery(const http::Request& r) {
  auto v = r.Query("status");
  if (!v) return std::optional<ReviewStatus>();
  auto s = ParseReviewStatus(*v);
  if (!s) {
    return Status::InvalidArgument("status must be draft, pending, approved or rejected", "status");
  }
  return std::optional<ReviewStatus>(*s);
}

}  // namespace txng::handlers
