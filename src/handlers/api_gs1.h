#ifndef TXNG_HANDLERS_API_GS1_H_
#define TXNG_HANDLERS_API_GS1_H_

#include "handlers/app.h"

namespace txng::handlers {

// GET /api/v1/gs1/parse?input=…: what GS1 data says (200), or why it is
// invalid (400), as the JSON document of `txng gs1 parse`; the EPC URI of
// keys under the organisations' registered company prefixes.
void RegisterGs1Api(http::Router& router, Store& store);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_GS1_H_
