// GET /api/v1/labels: a PDF of printable GS1 labels for one lot.
#ifndef TXNG_HANDLERS_API_LABELS_H_
#define TXNG_HANDLERS_API_LABELS_H_

#include "handlers/app.h"
#include "http/i18n.h"
#include "label/label.h"

namespace txng::handlers {

// GET /api/v1/labels?lot=ID[&columns=N][&rows=N][&serialFrom=S&serialCount=N][&copies=N]
//                    [&lang=vi|en]
// 200 application/pdf (Content-Disposition: attachment; filename="labels-ID.pdf"), or a
// problem document: 400 for a bad parameter, 404 for a lot the caller may not read.
void RegisterLabelsApi(http::Router& router, AppContext& app);

// The caption words of labels in `lang`, from the message catalogue ("label.*").
label::LabelCaptions LabelCaptionsFor(const http::Catalogue& catalogue, http::Lang lang);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_LABELS_H_
