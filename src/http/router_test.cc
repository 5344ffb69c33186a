#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace txng::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(200, name); };
}

Request Make(std::string method, std::string target) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  return r;
}

// Runs the matched handler and returns its body ("" when nothing matched).
std::string Dispatch(const Router& router, Request req) {
  RouteMatch m = router.Match(req);
  return m.handler ? (*m.handler)(req).body : "";
}

TEST(Router, LiteralsAndCaptures) {
  Router router;
  router.Add("GET", "/", Named("root"));
  router.Add("GET", "/api/v1/products", Named("list"));
  router.Add("GET", "/api/v1/products/{id}", Named("one"));
  router.Add("GET", "/api/v1/products/{id}/events/{event}", Named("event"));

  EXPECT_EQ(Dispatch(router, Make("GET", "/")), "root");
  EXPECT_EQ(Dispatch(router, Make("GET", "/api/v1/products")), "list");
  EXPECT_EQ(Dispatch(router, Make("GET", "/api/v1/products?x=1")), "list");
  EXPECT_EQ(Dispatch(router, Make("GET", "/api/v1/products/")), "");
  EXPECT_EQ(Dispatch(router, Make("GET", "/api/v1")), "");
  EXPECT_EQ(Dispatch(router, Make("GET", "/api/v1/products/7/extra")), "");

  Request req = Make("GET", "/api/v1/products/12/events/e%2F1");
  RouteMatch m = router.Match(req);
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.route_name, "GET /api/v1/products/{id}/events/{event}");
  EXPECT_EQ(req.Param("id"), "12");
  EXPECT_EQ(req.Param("event"), "e/1");
}

TEST(Router, DecorateWrapsEveryRouteWithItsMethodAndPattern) {
  Router router;
  router.Add("GET", "/a/{id}", Named("a"));
  router.Add("POST", "/a", Named("post"));
  router.Decorate([](const std::string& method, const std::string& pattern, Handler h) {
    return Handler([method, pattern, h](Request& r) {
      Response res = h(r);
      res.body = method + " " + pattern + " -> " + res.body;
      return res;
    });
  });
  EXPECT_EQ(Dispatch(router, Make("GET", "/a/1")), "GET /a/{id} -> a");
  EXPECT_EQ(Dispatch(router, Make("POST", "/a")), "POST /a -> post");
}

TEST(Router, CapturesAreDecodedLiteralsCompareDecoded) {
  Router router;
  router.Add("GET", "/tên/{name}", Named("vi"));
  Request req = Make("GET", "/t%C3%AAn/Nguy%E1%BB%85n%20A");
  EXPECT_EQ(Dispatch(router, req), "vi");
  router.Match(req);
  EXPECT_EQ(req.Param("name"), "Nguy\xE1\xBB\x85n A");
  EXPECT_EQ(Dispatch(router, Make("GET", "/t%C3%AAn/%zz")), "");
}

TEST(Router, MatchesOnDecodedPathWithoutTarget) {
  Router router;
  router.Add("GET", "/a/{x}", Named("a"));
  Request req;
  req.method = "GET";
  req.path = "/a/b c";
  ASSERT_NE(router.Match(req).handler, nullptr);
  EXPECT_EQ(req.Param("x"), "b c");
}

TEST(Router, RestCapture) {
  Router router;
  router.Add("GET", "/static/{*rest}", Named("static"));
  Request req = Make("GET", "/static/css/site%20a.css");
  RouteMatch m = router.Match(req);
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.route_name, "GET /static/{*rest}");
  EXPECT_EQ(req.Param("rest"), "css/site a.css");

  Request empty = Make("GET", "/static/");
  EXPECT_NE(router.Match(empty).handler, nullptr);
  EXPECT_EQ(empty.Param("rest"), "");
  EXPECT_EQ(Dispatch(router, Make("GET", "/static")), "");
}

TEST(Router, FirstMatchWins) {
  Router router;
  router.Add("GET", "/products/new", Named("form"));
  router.Add("GET", "/products/{id}", Named("one"));
  router.Add("GET", "/products/new", Named("shadowed"));
  EXPECT_EQ(Dispatch(router, Make("GET", "/products/new")), "form");
  EXPECT_EQ(Dispatch(router, Make("GET", "/products/9")), "one");
}

TEST(Router, MethodNotAllowedListsAllowedMethods) {
  Router router;
  router.Add("GET", "/items/{id}", Named("get"));
  router.Add("PUT", "/items/{id}", Named("put"));
  router.Add("PUT", "/items/{other}", Named("put again"));
  Request req = Make("DELETE", "/items/3");
  RouteMatch m = router.Match(req);
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_TRUE(m.method_not_allowed);
  EXPECT_EQ(m.route_name, "unmatched");
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "PUT", "HEAD"}));

  Request missing = Make("DELETE", "/nothing");
  RouteMatch none = router.Match(missing);
  EXPECT_FALSE(none.method_not_allowed);
  EXPECT_EQ(none.route_name, "unmatched");
  EXPECT_TRUE(none.allowed_methods.empty());
}

TEST(Router, HeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/page", Named("get"));
  EXPECT_EQ(Dispatch(router, Make("HEAD", "/page")), "get");
  router.Add("HEAD", "/page", Named("head"));
  EXPECT_EQ(Dispatch(router, Make("HEAD", "/page")), "head");
}

TEST(Router, RejectsMalformedPatterns) {
  Router router;
  EXPECT_THROW(router.Add("GET", "no-slash", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{}", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{id", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/x{id}", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{*rest}/b", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{*}", Named("x")), std::invalid_argument);
}

}  // namespace
}  // namespace txng::http
