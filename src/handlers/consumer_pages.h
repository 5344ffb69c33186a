// The consumer side of the portal (docs/PORTAL.md, "Consumer"): the GS1
// Digital Link resolver at the root (/01/…, /414/…, /00/…) with the product,
// lot, place and logistic-unit pages, the search page, consumer feedback
// and the authority's feedback queue, and their JSON.
#ifndef TXNG_HANDLERS_CONSUMER_PAGES_H_
#define TXNG_HANDLERS_CONSUMER_PAGES_H_

#include "handlers/api_handler.h"
#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterConsumerPages(http::Router& router, AppContext& app);

// GET /api/v1/products?q=…: the public search (approved products only),
// each item {gtin, name: {vi, en}, producer: {name}, url}; api_catalog.cc
// answers the list with it when `q` is given.
Result<ApiReply> ProductSearchApi(AppContext& app, http::Request& r, const Principal& p);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_CONSUMER_PAGES_H_
