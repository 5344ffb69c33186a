#ifndef TXNG_HANDLERS_REVIEW_PAGES_H_
#define TXNG_HANDLERS_REVIEW_PAGES_H_

#include "handlers/app.h"

namespace txng::handlers {

// The reviewer's workspace: /review (queue, GET; bulk decision, POST),
// /review/{kind}/{id} (preview and history, GET; one decision, POST),
// /review/audit; the directory /directory/organisations and
// /directory/products; account management /admin/users (GET, POST) and
// /admin/users/{id}/{disable,enable,password} (POST).
void RegisterReviewPages(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_REVIEW_PAGES_H_
