// Printable GS1 label sheets: labels laid out in a grid on A4 pages, each
// with the product's name, producer, lot, dates, serial, the QR code of its
// GS1 Digital Link (vector modules, crisp at any printer resolution) and its
// trace code as text. Pure: labels in, PDF bytes out; no database, no
// message catalogue (the captions are given).
#ifndef TXNG_LABEL_LABEL_H_
#define TXNG_LABEL_LABEL_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace txng::label {

// The most labels one sheet (one PDF) may hold.
inline constexpr int kMaxLabelsPerSheet = 2000;

struct Label {
  std::string product_name;     // in the label's language, UTF-8
  std::string producer_name;    // the organisation that made the lot
  std::string lot_code;         // AI (10)
  std::string production_date;  // "yyyy-mm-dd", empty when unknown
  std::string expiry_date;      // "yyyy-mm-dd", empty when none
  std::string serial;           // AI (21), empty when the label has none
  std::string digital_link;     // what the QR code holds
  std::string trace_code;       // the bracketed element string, "(01)…(10)…"

  bool operator==(const Label&) const = default;
};

enum class LabelLanguage { kVietnamese, kEnglish };

// The words printed before the values, in the labels' language (they come
// from the message catalogues; this layer has none).
struct LabelCaptions {
  // Vietnamese labels show dates as dd/mm/yyyy, English ones as yyyy-mm-dd.
  LabelLanguage language = LabelLanguage::kVietnamese;
  std::string lot;              // "Lô"
  std::string production_date;  // "NSX"
  std::string expiry_date;      // "HSD"
  std::string serial;           // "Số sê-ri"
};

// An A4 portrait page divided into `columns` × `rows` equal labels inside
// the margins, with gaps between them.
struct SheetLayout {
  int columns = 3;           // 1..6
  int rows = 8;              // 1..20
  double margin_mm = 10;     // on every side of the page, 0..40
  double column_gap_mm = 3;  // between neighbouring columns, 0..20
  double row_gap_mm = 3;     // between neighbouring rows, 0..20

  int LabelsPerPage() const { return columns * rows; }
};

// Checks the ranges above and that a label of this layout has room for a QR
// code that scans beside readable text. The error names the setting or the
// label size at fault and what to change.
Status ValidateSheetLayout(const SheetLayout& layout);

// `iso_date` ("yyyy-mm-dd") as printed on a label: "dd/mm/yyyy" in
// Vietnamese, unchanged in English; unchanged when it is not such a date.
std::string FormatLabelDate(LabelLanguage language, const std::string& iso_date);

// A PDF of `labels` in order, `layout.LabelsPerPage()` per page, as many
// pages as needed. Fails, returning nothing, when there are no labels or
// more than kMaxLabelsPerSheet, the layout is invalid, a Digital Link does
// not fit a QR code whose modules are large enough to scan (at least
// kMinModuleMm) in the label, or a label's text cannot fit even at the
// smallest type size.
Result<std::string> RenderLabelSheetPdf(const std::vector<Label>& labels, const SheetLayout& layout,
                                        const LabelCaptions& captions);

// The smallest QR module printed, in millimetres: three dots of a 203 dpi
// label printer, comfortably read by phone cameras; smaller modules blur.
inline constexpr double kMinModuleMm = 0.4;

}  // namespace txng::label

#endif  // TXNG_LABEL_LABEL_H_
