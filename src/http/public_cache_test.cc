#include "http/public_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace txng::http {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

struct FakeClock {
  steady_clock::time_point now{};
  PublicCache::Clock fn() {
    return [this] { return now; };
  }
};

Request Get(std::string target, std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request req;
  req.method = "GET";
  req.target = std::move(target);
  req.headers = std::move(headers);
  return req;
}

Response Public(std::string body, int max_age = 60, int status = 200) {
  Response res = Response::Html(status, std::move(body));
  res.SetHeader("Cache-Control", "public, max-age=" + std::to_string(max_age));
  return res;
}

class PublicCacheTest : public ::testing::Test {
 protected:
  FakeClock clock_;
  PublicCache cache_{
      {.max_bytes = 1 << 20, .max_ttl = seconds(30), .credential_cookies = {"txng_session"}},
      clock_.fn()};
  int calls_ = 0;
  // A handler that answers a page naming how many times it ran.
  std::function<Response(Request&)> Counting(std::string cache_control = "public, max-age=60") {
    return cache_.Wrap([this, cache_control](Request&) {
      Response res = Response::Html(200, "call " + std::to_string(++calls_));
      res.SetHeader("Cache-Control", cache_control);
      return res;
    });
  }
};

TEST_F(PublicCacheTest, AnswersRepeatsFromTheCacheUntilTheEntryExpires) {
  auto handler = Counting();
  Request req = Get("/01/08930001000018?17=261231");
  EXPECT_EQ(handler(req).body, "call 1");
  EXPECT_EQ(handler(req).body, "call 1");
  clock_.now += seconds(29);
  EXPECT_EQ(handler(req).body, "call 1");
  clock_.now += seconds(1);  // max_ttl (30 s) is shorter than max-age (60 s)
  EXPECT_EQ(handler(req).body, "call 2");
  EXPECT_EQ(cache_.stats().hits, 2u);
  EXPECT_EQ(cache_.stats().entries, 1u);
}

TEST_F(PublicCacheTest, KeysOnTargetAndTheRepresentationHeaders) {
  auto handler = Counting();
  Request html = Get("/01/08930001000018");
  Request json = Get("/01/08930001000018", {{"accept", "application/json"}});
  Request english = Get("/01/08930001000018", {{"accept-language", "en"}});
  Request cookie = Get("/01/08930001000018", {{"cookie", "txng_lang=en"}});
  Request other = Get("/01/08930001000018?linkType=linkset");
  for (Request* r : {&html, &json, &english, &cookie, &other}) handler(*r);
  EXPECT_EQ(calls_, 5);
  for (Request* r : {&html, &json, &english, &cookie, &other}) handler(*r);
  EXPECT_EQ(calls_, 5);
}

TEST_F(PublicCacheTest, NeverServesOrStoresForCallersWithCredentials) {
  auto handler = Counting();
  Request session = Get("/p", {{"cookie", "txng_lang=vi; txng_session=abc"}});
  Request bearer = Get("/p", {{"authorization", "Bearer k"}});
  handler(session);
  handler(session);
  handler(bearer);
  EXPECT_EQ(calls_, 3);
  EXPECT_EQ(cache_.stats().entries, 0u);
  Request post = Get("/p");
  post.method = "POST";
  handler(post);
  handler(post);
  EXPECT_EQ(calls_, 5);
}

TEST_F(PublicCacheTest, StoresOnlyWhatTheHandlerMarkedShareable) {
  for (const char* cc : {"no-store", "private, max-age=60", "public", "public, max-age=0",
                         "public, no-store, max-age=60"}) {
    SCOPED_TRACE(cc);
    calls_ = 0;
    auto handler = Counting(cc);
    Request req = Get(std::string("/p?") + cc);
    handler(req);
    handler(req);
    EXPECT_EQ(calls_, 2);
  }
  Request req = Get("/q");
  Response with_cookie = Public("x");
  with_cookie.AddCookie("txng_lang=en");
  cache_.Insert(req, with_cookie, cache_.generation());
  Response server_error = Public("x", 60, 500);
  cache_.Insert(req, server_error, cache_.generation());
  EXPECT_FALSE(cache_.Lookup(req));
  cache_.Insert(req, Public("not found", 60, 404), cache_.generation());
  ASSERT_TRUE(cache_.Lookup(req));
  EXPECT_EQ(cache_.Lookup(req)->status, 404);
}

TEST_F(PublicCacheTest, InvalidationDropsEntriesAndRefusesPagesComputedBeforeIt) {
  auto handler = Counting();
  Request req = Get("/p");
  handler(req);
  auto change = cache_.InvalidateAfter([](Request&) { return Response::Text(201, "made"); });
  auto refused = cache_.InvalidateAfter([](Request&) { return Response::Text(400, "bad"); });
  Request post = Get("/p");
  post.method = "POST";
  refused(post);
  EXPECT_EQ(handler(req).body, "call 1");
  change(post);
  EXPECT_EQ(cache_.stats().entries, 0u);
  EXPECT_EQ(handler(req).body, "call 2");

  // A page read before a change commits is not kept after it.
  const uint64_t before = cache_.generation();
  cache_.Invalidate();
  cache_.Insert(Get("/stale"), Public("old"), before);
  EXPECT_FALSE(cache_.Lookup(Get("/stale")));
}

TEST_F(PublicCacheTest, EvictsTheLeastRecentlyUsedWhenFull) {
  PublicCache small({.max_bytes = 8000, .max_ttl = seconds(60), .credential_cookies = {}},
                    clock_.fn());
  const std::string page(1500, 'x');
  for (int i = 0; i < 4; ++i) {
    small.Insert(Get("/p" + std::to_string(i)), Public(page), small.generation());
  }
  ASSERT_TRUE(small.Lookup(Get("/p0")));  // p0 is now the most recent
  small.Insert(Get("/p4"), Public(page), small.generation());
  small.Insert(Get("/p5"), Public(page), small.generation());
  EXPECT_TRUE(small.Lookup(Get("/p0")));
  EXPECT_FALSE(small.Lookup(Get("/p1")));
  EXPECT_TRUE(small.Lookup(Get("/p5")));
  EXPECT_LE(small.stats().bytes, 8000u);
  // A page larger than a quarter of the cache is never kept.
  small.Insert(Get("/big"), Public(std::string(2500, 'y')), small.generation());
  EXPECT_FALSE(small.Lookup(Get("/big")));
}

}  // namespace
}  // namespace txng::http
