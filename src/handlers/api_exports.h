// Traceability exports: the FSMA-204-style spreadsheet and the Circular
// 02/2024 product report.
#ifndef TXNG_HANDLERS_API_EXPORTS_H_
#define TXNG_HANDLERS_API_EXPORTS_H_

#include "handlers/app.h"

namespace txng::handlers {

// GET /api/v1/exports/fsma?lot=ID | gtin=GTIN | from=YYYY-MM-DD&to=YYYY-MM-DD
//                         [&format=csv|xlsx] [&lang=vi|en]
//   200 text/csv; charset=utf-8 or the XLSX type, as an attachment; the
//   headers X-Export-Rows (rows written) and, when the export was cut at
//   its row limit, X-Export-Truncated: true.
// GET /api/v1/products/{id}/circular02[?format=json|csv|xlsx][&lang=vi|en]
//   200 the ten items of Circular 02/2024 (JSON by default).
// Errors are problem documents: 400 naming the parameter, 404 for a lot,
// GTIN or product the caller may not see.
void RegisterExportsApi(http::Router& router, AppContext& app);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_API_EXPORTS_H_
