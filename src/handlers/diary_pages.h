// The production diary and spreadsheet import pages of the producer
// workspace: /workspace/diary (the list, with filters), /workspace/diary/new
// (a form per stage), /workspace/import (templates, upload, preview,
// confirmation). Every entry becomes an EPCIS event through service/diary.h.
#ifndef TXNG_HANDLERS_DIARY_PAGES_H_
#define TXNG_HANDLERS_DIARY_PAGES_H_

#include "handlers/app.h"
#include "http/router.h"

namespace txng::handlers {

void RegisterDiaryPages(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_DIARY_PAGES_H_
