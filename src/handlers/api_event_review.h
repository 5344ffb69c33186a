// /api/v1/events: the review of captured EPCIS events.
//   GET  /api/v1/events          the queue (query: status, organisationId, limit, offset)
//   POST /api/v1/events/review   {"ids": [...], "decision": "approve"|"reject", "reason"}
#ifndef TXNG_HANDLERS_API_EVENT_REVIEW_H_
#define TXNG_HANDLERS_API_EVENT_REVIEW_H_

#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterEventReviewApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_EVENT_REVIEW_H_
