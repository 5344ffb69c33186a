#include "http/static_files.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace txng::http {
namespace {

const std::array<EmbeddedFile, 4> kBundle = {{
    {"static/txng.css", "body{}"},
    {"static/js/app.js", "let a;"},
    {"static/logo.svg", "<svg/>"},
    {"templates/secret.html", "<p>not public</p>"},
}};

Response Get(const Handler& handler, std::string target, std::string rest,
             std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request req;
  req.method = "GET";
  req.target = std::move(target);
  req.path = req.target;
  req.path_params["rest"] = std::move(rest);
  req.headers = std::move(headers);
  return handler(req);
}

std::optional<std::string> HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

TEST(StaticFiles, ServesEmbeddedFilesWithTypeCacheAndEtag) {
  Handler h = StaticFiles(kBundle, "static/");
  Response css = Get(h, "/static/txng.css", "txng.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.body, "body{}");
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(HeaderOf(css, "Cache-Control"), "public, max-age=86400");
  std::optional<std::string> etag = HeaderOf(css, "ETag");
  ASSERT_TRUE(etag);
  EXPECT_EQ(etag->size(), 18u);
  EXPECT_EQ(etag->front(), '"');

  Response js = Get(h, "/static/js/app.js", "js/app.js");
  EXPECT_EQ(js.body, "let a;");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(HeaderOf(js, "ETag"), etag);
}

TEST(StaticFiles, IfNoneMatchGives304) {
  Handler h = StaticFiles(kBundle, "static/");
  std::string etag = *HeaderOf(Get(h, "/static/logo.svg", "logo.svg"), "ETag");
  for (std::string header : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    Response r = Get(h, "/static/logo.svg", "logo.svg", {{"if-none-match", header}});
    EXPECT_EQ(r.status, 304) << header;
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(HeaderOf(r, "ETag"), etag);
  }
  EXPECT_EQ(Get(h, "/static/logo.svg", "logo.svg", {{"if-none-match", "\"stale\""}}).status, 200);
}

TEST(StaticFiles, UnknownAndUnsafePathsAre404Problems) {
  Handler h = StaticFiles(kBundle, "static/");
  struct Case {
    const char* target;
    const char* rest;
  };
  for (Case c : std::initializer_list<Case>{
           {"/static/missing.css", "missing.css"},
           {"/static/", ""},
           {"/static/../templates/secret.html", "../templates/secret.html"},
           {"/static/%2E%2E/templates/secret.html", "../templates/secret.html"},
           {"/static/js%2Fapp.js", "js/app.js"},
           {"/static/js%2fapp.js", "js/app.js"},
           {"/static/js%5Capp.js", "js\\app.js"},
           {"/static/./txng.css", "./txng.css"},
           {"/static//txng.css", "/txng.css"},
           {"/static/js//app.js", "js//app.js"},
           {"/static/.hidden", ".hidden"},
           {"/static/txng.css%00.png", std::string_view("txng.css\0.png", 13).data()},
       }) {
    Response r = Get(h, c.target, c.rest);
    EXPECT_EQ(r.status, 404) << c.target;
    EXPECT_EQ(r.content_type, "application/problem+json") << c.target;
  }
}

TEST(StaticFiles, OnlyFilesUnderThePrefixAreServed) {
  Handler h = StaticFiles(kBundle, "static/");
  EXPECT_EQ(Get(h, "/static/templates/secret.html", "templates/secret.html").status, 404);
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(ContentTypeForPath("a/b.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeForPath("x.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeForPath("x.png"), "image/png");
  EXPECT_EQ(ContentTypeForPath("x.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeForPath("Makefile"), "application/octet-stream");
  EXPECT_EQ(ContentTypeForPath("dir.d/file"), "application/octet-stream");
  EXPECT_EQ(ContentTypeForPath("x.unknown"), "application/octet-stream");
}

TEST(StaticDir, ServesFilesUnderRootOnly) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("txng_static_" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "root" / "css");
  std::ofstream(base / "root" / "css" / "a.css") << "a{}";
  std::ofstream(base / "outside.txt") << "secret";
  fs::create_symlink(base / "outside.txt", base / "root" / "link.txt");

  Handler h = StaticDir(base / "root");
  Response ok = Get(h, "/static/css/a.css", "css/a.css");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "a{}");
  EXPECT_EQ(ok.content_type, "text/css; charset=utf-8");
  std::string etag = *HeaderOf(ok, "ETag");
  EXPECT_EQ(Get(h, "/static/css/a.css", "css/a.css", {{"if-none-match", etag}}).status, 304);
  EXPECT_EQ(Get(h, "/static/../outside.txt", "../outside.txt").status, 404);
  EXPECT_EQ(Get(h, "/static/link.txt", "link.txt").status, 404);
  EXPECT_EQ(Get(h, "/static/css", "css").status, 404);
  EXPECT_EQ(Get(h, "/static/none.css", "none.css").status, 404);
  fs::remove_all(base);
}

}  // namespace
}  // namespace txng::http
