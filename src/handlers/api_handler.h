// The shape every /api/v1 handler shares: authenticate, enforce CSRF for
// session writes, run the handler body, and render its JSON or its error as
// a problem document.
#ifndef TXNG_HANDLERS_API_HANDLER_H_
#define TXNG_HANDLERS_API_HANDLER_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "handlers/app.h"
#include "http/message.h"
#include "service/principal.h"

namespace txng::handlers {

// What a handler body returns: the JSON document, and optionally another
// status (201) and extra headers (Location, Set-Cookie).
struct ApiReply {
  ApiReply(nlohmann::json b, int s = 200) : body(std::move(b)), status(s) {}  // NOLINT: implicit
  nlohmann::json body;
  int status;
  std::vector<std::pair<std::string, std::string>> headers;
};

using ApiBody = std::function<Result<ApiReply>(http::Request&, const Principal&)>;

http::Handler Api(AppContext& app, ApiBody body);

// Serialises JSON for a response; invalid UTF-8 is replaced, never thrown on.
std::string DumpJson(const nlohmann::json& j);

// The `{name}` path parameter as a positive id; kNotFound naming `what`
// otherwise (a malformed id names no record).
Result<int64_t> PathId(const http::Request& r, const char* name, const char* what);

// `limit` (1..500, default 50) and `offset` (>= 0) from the query.
Result<PageRequest> PageFromQuery(const http::Request& r);

// An optional integer query parameter; kInvalidArgument naming it when malformed.
Result<std::optional<int64_t>> IntQuery(const http::Request& r, const char* name);

// `status` (draft|pending|approved|rejected) from the query, when given.
Result<std::optional<ReviewStatus>> ReviewStatusQuery(const http::Request& r);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_HANDLER_H_
