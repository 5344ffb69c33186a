#ifndef TXNG_HANDLERS_API_ACCOUNT_H_
#define TXNG_HANDLERS_API_ACCOUNT_H_

#include "handlers/app.h"

namespace txng::handlers {

// GET /api/v1/me; POST and DELETE /api/v1/session (sign in and out for
// scripts and the browser); GET, POST /api/v1/apikeys and
// DELETE /api/v1/apikeys/{keyId} (an organisation's own API keys).
void RegisterAccountApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_ACCOUNT_H_
