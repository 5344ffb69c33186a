// /api/v1/recalls and /api/v1/recall-status (service/recall.h).
//   POST  /api/v1/recalls             {id, reason, severity, affectedFrom, affectedTo} → 201
//   GET   /api/v1/recalls             list (query: status, organisationId, limit, offset)
//   GET   /api/v1/recalls/{id}        the recall, a page of its impact set (limit, offset)
//                                     and its history
//   PATCH /api/v1/recalls/{id}        {reason, severity, affectedFrom, affectedTo}: the impact
//                                     set is recomputed
//   POST  /api/v1/recalls/{id}/close  {note}
//   GET   /api/v1/recall-status?id=ID public: whether an open recall covers ID (the target
//                                     of the Digital Link linkType gs1:recallStatus)
#ifndef TXNG_HANDLERS_API_RECALLS_H_
#define TXNG_HANDLERS_API_RECALLS_H_

#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterRecallsApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_RECALLS_H_
