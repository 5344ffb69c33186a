// The application's routes: everything a TXNG portal answers over HTTP,
// registered on a Router. Handlers are thin: authenticate, parse, call one
// service function, render.
#ifndef TXNG_HANDLERS_APP_H_
#define TXNG_HANDLERS_APP_H_

#include <string>

#include "http/metrics.h"
#include "http/public_cache.h"
#include "http/router.h"
#include "http/templates.h"
#include "service/accounts.h"
#include "service/capture_queue.h"
#include "service/catalog.h"
#include "store/store.h"

namespace txng::handlers {

struct SiteOptions {
  std::string province = "Bình Phước";  // shown in page headers
  // Adds `Secure` to cookies; set when TXNG is served over HTTPS (behind a
  // TLS-terminating proxy).
  bool secure_cookies = false;
  // Where this portal is reached from outside, e.g. "https://truyxuat.binhphuoc.gov.vn":
  // the stem of the GS1 Digital Links on printed labels. Empty: https://id.gs1.org.
  std::string public_url;
};

struct AppContext {
  Store& store;
  AccountService& accounts;
  CatalogService& catalog;
  http::Metrics& metrics;
  const http::Renderer& renderer;
  CaptureQueue& capture;
  SiteOptions site;
};

void RegisterRoutes(http::Router& router, AppContext& app);

// Puts `cache` in front of every GET route (it keeps only what a handler
// marked `Cache-Control: public`, for callers without a session or API key)
// and drops it after every successful request of any other method except
// signing in and out. Call after every route is registered.
void CachePublicResponses(http::Router& router, http::PublicCache& cache);

// The options of the portal's public cache (sessions bypass it).
http::PublicCacheOptions PublicCacheOptionsFor(size_t max_bytes);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_APP_H_
