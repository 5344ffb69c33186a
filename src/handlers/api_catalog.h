#ifndef TXNG_HANDLERS_API_CATALOG_H_
#define TXNG_HANDLERS_API_CATALOG_H_

#include "handlers/app.h"

namespace txng::handlers {

// /api/v1/organisations, /products, /locations, /lots.
void RegisterCatalogApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_CATALOG_H_
