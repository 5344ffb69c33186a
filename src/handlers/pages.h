#ifndef TXNG_HANDLERS_PAGES_H_
#define TXNG_HANDLERS_PAGES_H_

#include "handlers/app.h"

namespace txng::handlers {

// The HTML pages: / (home), /search, /products/{gtin} (public product page),
// /trace (the journey and lineage of any code),
// /login (GET form, POST), /logout (POST), /dashboard, /docs/api.
void RegisterPages(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_PAGES_H_
