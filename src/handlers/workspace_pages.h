// The producer workspace (/workspace/...): an organisation's profile,
// products (with photos), locations, lots, label sheets, API keys and the
// review status of everything it submitted, as server-rendered pages; and
// GET /media/{id}/{size}.jpg, the stored product photos.
#ifndef TXNG_HANDLERS_WORKSPACE_PAGES_H_
#define TXNG_HANDLERS_WORKSPACE_PAGES_H_

#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterWorkspacePages(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_WORKSPACE_PAGES_H_
