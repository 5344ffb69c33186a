#include "handlers/app.h"

#include "common/embedded.h"
#include "handlers/api_account.h"
#include "handlers/api_catalog.h"
#include "handlers/api_epcis.h"
#include "handlers/api_event_review.h"
#include "handlers/api_exports.h"
#include "handlers/api_gs1.h"
#include "handlers/api_labels.h"
#include "handlers/api_recalls.h"
#include "handlers/api_trace.h"
#include "handlers/auth.h"
#include "handlers/consumer_pages.h"
#include "handlers/diary_pages.h"
#include "handlers/ops.h"
#include "handlers/pages.h"
#include "handlers/review_pages.h"
#include "handlers/workspace_pages.h"
#include "http/static_files.h"

namespace txng::handlers {

void RegisterRoutes(http::Router& router, AppContext& app) {
  RegisterOpsRoutes(router, app);
  RegisterAccountApi(router, app);
  RegisterCatalogApi(router, app);
  RegisterGs1Api(router, app.store);
  RegisterEpcisApi(router, app);
  RegisterEventReviewApi(router, app);
  RegisterLabelsApi(router, app);
  RegisterExportsApi(router, app);
  RegisterRecallsApi(router, app);
  RegisterTraceApi(router, app);
  RegisterPages(router, app);
  RegisterConsumerPages(router, app);
  RegisterDiaryPages(router, app);
  RegisterWorkspacePages(router, app);
  RegisterReviewPages(router, app);
  router.Add("GET", "/static/{*rest}", http::StaticFiles(EmbeddedWeb(), "static/"));
}

void CachePublicResponses(http::Router& router, http::PublicCache& cache) {
  router.Decorate(
      [&cache](const std::string& method, const std::string& pattern, http::Handler handler) {
        if (method == "GET") return cache.Wrap(std::move(handler));
        if (method == "HEAD" || method == "OPTIONS") return handler;
        // Signing in and out changes no public data.
        if (pattern == "/login" || pattern == "/logout" || pattern == "/api/v1/session") {
          return handler;
        }
        return cache.InvalidateAfter(std::move(handler));
      });
}

http::PublicCacheOptions PublicCacheOptionsFor(size_t max_bytes) {
  return {.max_bytes = max_bytes,
          .max_ttl = std::chrono::seconds(60),
          .credential_cookies = {kSessionCookie}};
}

}  // namespace txng::handlers
