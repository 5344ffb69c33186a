#include "handlers/api_trace.h"

#include "handlers/api_handler.h"
#include "service/trace.h"

namespace txng::handlers {

void RegisterTraceApi(http::Router& router, AppContext& app) {
  Store& store = app.store;
  router.Add("GET", "/api/v1/trace",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(trace::TraceRequest request, ParseTraceQuery(r.query));
               TXNG_ASSIGN_OR_RETURN(TraceAnswer answer, TraceIdentifier(store, request, p));
               return ApiReply{nlohmann::json::parse(TraceJson(answer, request))};
             }));
}

}  // namespace txng::handlers
