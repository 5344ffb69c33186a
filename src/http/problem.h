// The one place where a Status becomes an HTTP response: RFC 7807
// application/problem+json with a status code chosen by StatusCode.
#ifndef TXNG_HTTP_PROBLEM_H_
#define TXNG_HTTP_PROBLEM_H_

#include <string_view>

#include "common/status.h"
#include "http/message.h"

namespace txng::http {

// HTTP status for a non-OK code (400, 401, 403, 404, 409, 413, 429, 503, 500).
int HttpStatusFor(StatusCode code);

// {"type": "urn:txng:problem:<code-name>", "title": ..., "status": ...,
//  "detail": status.message(), "instance": request path, "field": status.field() when set}.
// Internal errors hide their detail from the client (it is logged instead).
Response ProblemResponse(const Status& status, std::string_view instance);

}  // namespace txng::http

#endif  // TXNG_HTTP_PROBLEM_H_
