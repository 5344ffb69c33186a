// The one place where a Status becomes an HTTP response: RFC 7807
// application/problem+json with a status code chosen by StatusCode.
#ifndef TXNG_HTTP_PROBLEM_H_
#define TXNG_HTTP_PROBLEM_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "http/message.h"

namespace txng::http {

// HTTP status for a non-OK code (400, 401, 403, 404, 409, 413, 429, 503, 500).
int HttpStatusFor(StatusCode code);

// {"type": "urn:txng:problem:<code-name>", "title": ..., "status": ...,
//  "detail": status.message(), "instance": request path, "field": status.field() when set}.
// Internal errors hide their detail from the client (it is logged instead,
// with CurrentRequestId(), which the detail names). 401 responses carry
// `WWW-Authenticate: Bearer realm="txng"`, 429 responses `Retry-After: 60`.
Response ProblemResponse(const Status& status, std::string_view instance);

// A problem that no StatusCode describes: the protocol errors the server
// itself answers (405, 408, 431, 400 for an unparsable request).
struct Problem {
  int status = 500;
  std::string type_name;  // "method_not_allowed" -> "urn:txng:problem:method_not_allowed"
  // A type a standard defines (e.g. "epcisException:ValidationException"),
  // used as it is instead of type_name when set.
  std::string type_uri;
  std::string title;     // short English phrase, the same for every instance of the type
  std::string detail;    // this occurrence, for humans
  std::string instance;  // the request path
  std::string field;     // omitted from the document when empty
};
Response RenderProblem(const Problem& problem);

}  // namespace txng::http

#endif  // TXNG_HTTP_PROBLEM_H_
