// The EPCIS 2.0 REST bindings under /epcis (GS1's openapi.yaml):
//   POST /epcis/events             capture one event (201, Location; 409 when
//                                  its eventID or hash is captured already)
//   GET  /epcis/events             EPCISQueryDocument of the events the query
//                                  parameters select, paged (Link rel="next")
//   GET  /epcis/events/{eventID}   the event (and its error declaration)
//   POST/GET /epcis/capture, GET /epcis/capture/{id}   capture jobs
//   GET  /epcis, /epcis/eventTypes, /epcis/epcs, /epcis/bizSteps,
//        /epcis/bizLocations, /epcis/readPoints, /epcis/dispositions, each
//        /{value} and /{value}/events     browsing (api_epcis_browse.cc)
//   /epcis/queries…                named queries (api_epcis_queries.cc)
//   OPTIONS on each                discovery headers
// Errors are problem documents typed "epcisException:<name>Exception";
// GS1-EPCIS-Version and GS1-CBV-Version are negotiated on every route.
#ifndef TXNG_HANDLERS_API_EPCIS_H_
#define TXNG_HANDLERS_API_EPCIS_H_

#include "handlers/app.h"

namespace txng::handlers {

void RegisterEpcisApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_EPCIS_H_
