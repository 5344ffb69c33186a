// Label sheets for a lot: who may print them, which labels a request makes
// (one per serial, or copies of the lot's label), their GS1 Digital Links
// and trace codes, and the PDF (label/label.h). Used by `txng label` and
// GET /api/v1/labels.
#ifndef TXNG_SERVICE_LABELS_H_
#define TXNG_SERVICE_LABELS_H_

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "label/label.h"
#include "service/catalog.h"
#include "service/principal.h"

namespace txng {

// Serial numbers for AI (21): `first` and the `count` - 1 that follow it,
// counting up the digits at its end ("A0998" → A0998, A0999, A1000).
struct SerialRange {
  std::string first;
  int count = 0;
};

struct LotLabelRequest {
  int64_t lot_id = 0;
  label::SheetLayout layout;
  // One label per serial, each with its own Digital Link; else `copies`
  // identical labels of the lot (default: one full page).
  std::optional<SerialRange> serials;
  std::optional<int> copies;
  // Where the Digital Links point ("https://trace.example.vn"); empty means
  // https://id.gs1.org.
  std::string stem;
  // From the message catalogue of the labels' language, which also chooses
  // the product name (English labels fall back to the Vietnamese name).
  label::LabelCaptions captions;
};

struct LotLabelSheet {
  std::string pdf;
  std::string filename;  // "labels-<lot id>.pdf"
  int labels = 0;
  int pages = 0;
};

// Checks a Digital Link stem: an http:// or https:// address without query
// or fragment ("" stands for https://id.gs1.org). kInvalidArgument, field "stem".
Status ValidateDigitalLinkStem(const std::string& stem);

// The serials of `range`: kInvalidArgument (field "serialFrom" or
// "serialCount") when `first` does not end in a digit, `count` is not
// 1..label::kMaxLabelsPerSheet, or a serial is not a valid AI (21) value.
Result<std::vector<std::string>> ExpandSerials(const SerialRange& range);

// The labels of `request` for `principal`, in print order. The lot, its
// product and its producer must be readable by `principal` (kNotFound
// otherwise, as for any record the caller may not see); the request is
// checked first (layout, serials or copies, at most kMaxLabelsPerSheet
// labels, the stem) so that a bad request fails without reading anything.
Result<std::vector<label::Label>> BuildLotLabels(CatalogService& catalog,
                                                 const Principal& principal,
                                                 const LotLabelRequest& request);

// BuildLotLabels, rendered.
Result<LotLabelSheet> PrintLotLabels(CatalogService& catalog, const Principal& principal,
                                     const LotLabelRequest& request);

}  // namespace txng

#endif  // TXNG_SERVICE_LABELS_H_
