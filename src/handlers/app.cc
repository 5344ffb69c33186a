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
#include "handlers/ops.h"
#include "handlers/pages.h"
#include "handlers/review_pages.h"
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
  RegisterReviewPages(router, app);
  router.Add("GET", "/static/{*rest}", http::StaticFiles(EmbeddedWeb(), "static/"));
}

}  // namespace txng::handlers
