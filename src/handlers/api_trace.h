// /api/v1/trace: the lineage of an identifier (service/trace.h).
//   GET /api/v1/trace?id=ID[&direction=backward|forward|both][&depth=N]
//                    [&asOf=DATETIME][&limit=N][&offset=N]
#ifndef TXNG_HANDLERS_API_TRACE_H_
#define TXNG_HANDLERS_API_TRACE_H_

#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterTraceApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_TRACE_H_
