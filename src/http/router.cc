#include "http/router.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace txng::http {
namespace {

// "/a/b/" -> {"a", "b", ""}; "/" -> {}.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return segments;
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsCapture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsRestCapture(std::string_view segment) { return IsCapture(segment) && segment[1] == '*'; }

// The name inside "{name}" or "{*name}".
std::string CaptureName(std::string_view segment) {
  segment = segment.substr(1, segment.size() - 2);
  if (!segment.empty() && segment.front() == '*') segment.remove_prefix(1);
  return std::string(segment);
}

// Decoded request path segments; nullopt when an escape is malformed.
std::optional<std::vector<std::string>> RequestSegments(const Request& request) {
  std::vector<std::string> out;
  if (request.target.empty()) {
    for (std::string_view s : SplitPath(request.path)) out.emplace_back(s);
    return out;
  }
  std::string_view raw = request.target;
  raw = raw.substr(0, raw.find_first_of("?#"));
  for (std::string_view s : SplitPath(raw)) {
    std::optional<std::string> decoded = PercentDecode(s, /*plus_as_space=*/false);
    if (!decoded) return std::nullopt;
    out.push_back(std::move(*decoded));
  }
  return out;
}

}  // namespace

void Router::Decorate(const std::function<Handler(const std::string& method,
                                                  const std::string& pattern, Handler)>& decorate) {
  for (Route& route : routes_) {
    route.handler = decorate(route.method, route.pattern, std::move(route.handler));
  }
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  Route route{std::move(method), std::move(pattern), {}, std::move(handler)};
  std::vector<std::string_view> parts = SplitPath(route.pattern);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    bool braces = part.find_first_of("{}") != std::string_view::npos;
    if (braces && (!IsCapture(part) || CaptureName(part).empty() ||
                   part.substr(1, part.size() - 2).find_first_of("{}") != std::string_view::npos)) {
      throw std::invalid_argument("malformed capture in route pattern: " + route.pattern);
    }
    if (IsRestCapture(part) && i + 1 != parts.size()) {
      throw std::invalid_argument("{*rest} must be the last segment: " + route.pattern);
    }
    route.segments.emplace_back(part);
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(Request& request) const {
  RouteMatch result;
  result.route_name = "unmatched";
  std::optional<std::vector<std::string>> segments = RequestSegments(request);
  if (!segments) return result;

  // Fills `params` when `route` matches the path (whatever the method).
  auto path_matches = [&](const Route& route, std::map<std::string, std::string>* params) {
    const std::vector<std::string>& segs = *segments;
    for (size_t i = 0; i < route.segments.size(); ++i) {
      const std::string& want = route.segments[i];
      if (i >= segs.size()) return false;
      if (IsRestCapture(want)) {
        std::string rest;
        for (size_t j = i; j < segs.size(); ++j) {
          if (j > i) rest += '/';
          rest += segs[j];
        }
        if (params) (*params)[CaptureName(want)] = std::move(rest);
        return true;
      }
      if (IsCapture(want)) {
        if (segs[i].empty()) return false;
        if (params) (*params)[CaptureName(want)] = segs[i];
      } else if (want != segs[i]) {
        return false;
      }
    }
    return route.segments.size() == segs.size();
  };

  const Route* chosen = nullptr;
  const Route* get_for_head = nullptr;
  for (const Route& route : routes_) {
    if (!path_matches(route, nullptr)) continue;
    if (route.method == request.method) {
      chosen = &route;
      break;
    }
    if (request.method == "HEAD" && route.method == "GET" && !get_for_head) get_for_head = &route;
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
    }
  }
  if (!chosen) chosen = get_for_head;
  if (chosen) {
    std::map<std::string, std::string> params;
    path_matches(*chosen, &params);
    request.path_params = std::move(params);
    result.handler = &chosen->handler;
    result.route_name = chosen->method + " " + chosen->pattern;
    result.allowed_methods.clear();
    return result;
  }
  if (!result.allowed_methods.empty()) {
    result.method_not_allowed = true;
    auto& allowed = result.allowed_methods;
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end() &&
        std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end()) {
      allowed.push_back("HEAD");
    }
  }
  return result;
}

}  // namespace txng::http
