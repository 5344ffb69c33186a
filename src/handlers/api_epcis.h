// The EPCIS 2.0 REST bindings under /epcis (GS1's openapi.yaml):
//   POST /epcis/events             capture one event (201, Location; 409 when
//                                  its eventID or hash is captured already)
//   GET  /epcis/events             EPCISQueryDocument of the events the query
//                                  parameters select, paged (Link rel="next")
//   GET  /epcis/events/{eventID}   the event (and its error declaration)
// Errors are problem documents typed "epcisException:<name>Exception".
#ifndef TXNG_HANDLERS_API_EPCIS_H_
#define TXNG_HANDLERS_API_EPCIS_H_

#include "handlers/app.h"

namespace txng::handlers {

void RegisterEpcisApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_EPCIS_H_
