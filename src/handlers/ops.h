#ifndef TXNG_HANDLERS_OPS_H_
#define TXNG_HANDLERS_OPS_H_

#include "handlers/app.h"

namespace txng::handlers {

// GET /healthz (the process answers), /readyz (the database answers too),
// /metrics (Prometheus text, with the database pool's gauges).
void RegisterOpsRoutes(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_OPS_H_
