// Request and Response as handlers see them: plain values, independent of
// Boost.Beast, so that handlers and their tests need no networking headers.
#ifndef TXNG_HTTP_MESSAGE_H_
#define TXNG_HTTP_MESSAGE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace txng::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query, still percent-encoded
  std::string path;    // percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;                         // peer IP address
  std::string request_id;                          // set by the server, echoed as X-Request-Id
  std::map<std::string, std::string> path_params;  // filled by the router: "{id}" -> value

  // First value of a query parameter.
  std::optional<std::string> Query(std::string_view name) const;
  // First value of a header (name matched case-insensitively).
  std::optional<std::string> Header(std::string_view name) const;
  // Value of one cookie from the Cookie header.
  std::optional<std::string> Cookie(std::string_view name) const;
  // The path parameter named `name` ("" when absent).
  std::string Param(std::string_view name) const;
  // Form fields of an application/x-www-form-urlencoded body, or the
  // non-file fields of a multipart/form-data body (none when it is
  // malformed; ParseMultipart says why).
  std::vector<std::pair<std::string, std::string>> FormFields() const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/Length
  std::string body;

  Response& SetHeader(std::string name, std::string value);
  // Adds a Set-Cookie header.
  Response& AddCookie(std::string value);

  static Response Text(int status, std::string body);
  static Response Html(int status, std::string body);
  // `json` must already be serialised JSON text.
  static Response JsonText(int status, std::string json);
  static Response Redirect(int status, std::string location);
};

// Decodes %XX escapes; in query strings also '+' as space. Returns nullopt
// for a malformed escape or a decoded NUL.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_as_space);
// Splits "a=1&b=2" into decoded pairs; malformed escapes are kept verbatim.
std::vector<std::pair<std::string, std::string>> ParseQueryString(std::string_view qs);
std::string PercentEncode(std::string_view s);

}  // namespace txng::http

#endif  // TXNG_HTTP_MESSAGE_H_
