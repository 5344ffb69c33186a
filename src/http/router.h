// Router: maps a method and a path pattern to a handler.
//
// Patterns are literal segments and `{name}` captures of one segment, e.g.
// "/api/v1/products/{id}". A trailing "/{*rest}" captures the rest of the
// path (for static files and the Digital Link resolver). Each route has a
// name, used as the `route` label in metrics and the access log so that
// label cardinality stays bounded.
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
  // the first matching route in registration order wins.
  void Add(std::string method, std::string pattern, Handler handler);
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
