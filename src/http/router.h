// Router: maps a method and a path pattern to a handler.
//
// Patterns are literal segments and `{name}` captures of one segment, e.g.
// "/api/v1/products/{id}". A trailing "/{*rest}" captures the rest of the
// path (for static files and the Digital Link resolver). Each route has a
// name, used as the `route` label in metrics and the access log so that
// label cardinality stays bounded.
//
// Matching is segment by segment and exact: "/a" does not match "/a/". The
// path is split on the '/' characters of the raw request target before each
// segment is percent-decoded, so "/products/a%2Fb" gives {id} = "a/b"; a
// request without a target is matched on its (already decoded) `path`.
// `{name}` never matches an empty segment. `{*rest}` receives the decoded
// remaining segments joined by '/', possibly empty ("/static/" gives
// rest = "", while "/static" does not match "/static/{*rest}"); a handler that must tell an encoded
// slash from a real one reads `request.target`. A HEAD request falls back to
// the GET route of the same path when no HEAD route matches.
#ifndef TXNG_HTTP_ROUTER_H_
#define TXNG_HTTP_ROUTER_H_

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace txng::http {

using Handler = std::function<Response(Request&)>;

struct RouteMatch {
  const Handler* handler = nullptr;  // null when nothing matched
  std::string route_name;            // "GET /api/v1/products/{id}" or "unmatched"
  // True when the path matched some route but not with this method (405).
  bool method_not_allowed = false;
  std::vector<std::string> allowed_methods;
};

class Router {
 public:
  // Registers a route. Later registrations do not override earlier ones:
  // the first matching route in registration order wins. Throws
  // std::invalid_argument for a malformed pattern (not starting with '/', an
  // empty or unclosed capture, or "{*rest}" anywhere but last): a programming
  // error caught at startup.
  void Add(std::string method, std::string pattern, Handler handler);
  // Replaces every registered route's handler by
  // decorate(method, pattern, handler), e.g. to put a cache in front of the
  // GET routes.
  void Decorate(const std::function<Handler(const std::string& method, const std::string& pattern,
                                            Handler)>& decorate);
  // Finds the route for the request and fills request.path_params.
  RouteMatch Match(Request& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace txng::http

#endif  // TXNG_HTTP_ROUTER_H_
