#include "label/sheet_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace txng::label {
namespace {

// Blank border inside each label, and between its QR code and its text.
constexpr double kPaddingMm = 1.5;
constexpr double kQrTextGapMm = 1.5;
// A QR code smaller than this cannot give a Digital Link with lot and serial
// (version 5: 37 modules and the quiet zone, 45 in all) modules of
// kMinModuleMm; larger than the maximum wastes the label.
constexpr double kMinQrMm = 18;
constexpr double kMaxQrMm = 60;
// Room for the name, producer, lot, dates, serial and trace code at the
// smallest type size.
constexpr double kMinTextWidthMm = 20;
constexpr double kMinTextHeightMm = 17;

std::string Mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s(buf);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

// "1 column", "3 columns".
std::string Count(int n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

Status CheckCount(int value, int max, const char* name, const char* field) {
  if (value >= 1 && value <= max) return Status::Ok();
  return Status::InvalidArgument(std::string(name) + " must be from 1 to " + std::to_string(max) +
                                     ", got " + std::to_string(value),
                                 field);
}

Status CheckLength(double value, double max, const char* name, const char* field) {
  if (std::isfinite(value) && value >= 0 && value <= max) return Status::Ok();
  return Status::InvalidArgument(std::string(name) + " must be from 0 to " + Mm(max) + " mm, got " +
                                     (std::isfinite(value) ? Mm(value) : "not a number"),
                                 field);
}

// QR square and text box inside a label whose inner area (padding removed)
// is `w` × `h` mm, placed at the padding; all in mm.
struct CellPlan {
  Rect qr;
  Rect text;
  bool Fits() const {
    return qr.width >= kMinQrMm && text.width >= kMinTextWidthMm && text.height >= kMinTextHeightMm;
  }
};

// QR on the left, text on its right.
CellPlan Beside(double w, double h) {
  CellPlan p;
  const double side = std::min({h, w - kQrTextGapMm - kMinTextWidthMm, kMaxQrMm});
  p.qr = {kPaddingMm, kPaddingMm + (h - side) / 2, side, side};
  p.text = {kPaddingMm + side + kQrTextGapMm, kPaddingMm, w - side - kQrTextGapMm, h};
  return p;
}

// QR at the top, centred; text under it.
CellPlan Above(double w, double h) {
  CellPlan p;
  const double side = std::min({w, h - kQrTextGapMm - kMinTextHeightMm, kMaxQrMm, h * 0.6});
  p.qr = {kPaddingMm + (w - side) / 2, kPaddingMm, side, side};
  p.text = {kPaddingMm, kPaddingMm + side + kQrTextGapMm, w, h - side - kQrTextGapMm};
  return p;
}

Rect ToPoints(const Rect& mm) {
  return {mm.x * kPointsPerMm, mm.y * kPointsPerMm, mm.width * kPointsPerMm,
          mm.height * kPointsPerMm};
}

}  // namespace

Result<SheetGeometry> LayOutSheet(const SheetLayout& layout) {
  TXNG_RETURN_IF_ERROR(CheckCount(layout.columns, 6, "columns", "columns"));
  TXNG_RETURN_IF_ERROR(CheckCount(layout.rows, 20, "rows", "rows"));
  TXNG_RETURN_IF_ERROR(CheckLength(layout.margin_mm, 40, "the page margin", "margin"));
  TXNG_RETURN_IF_ERROR(
      CheckLength(layout.column_gap_mm, 20, "the gap between columns", "columnGap"));
  TXNG_RETURN_IF_ERROR(CheckLength(layout.row_gap_mm, 20, "the gap between rows", "rowGap"));

  const double cell_w =
      (kA4WidthMm - 2 * layout.margin_mm - (layout.columns - 1) * layout.column_gap_mm) /
      layout.columns;
  const double cell_h =
      (kA4HeightMm - 2 * layout.margin_mm - (layout.rows - 1) * layout.row_gap_mm) / layout.rows;
  const double inner_w = cell_w - 2 * kPaddingMm;
  const double inner_h = cell_h - 2 * kPaddingMm;
  const CellPlan beside = Beside(inner_w, inner_h);
  const CellPlan above = Above(inner_w, inner_h);
  const CellPlan* plan = nullptr;
  if (beside.Fits() && (!above.Fits() || beside.qr.width >= above.qr.width)) {
    plan = &beside;
  } else if (above.Fits()) {
    plan = &above;
  }
  if (plan == nullptr) {
    return Status::InvalidArgument(
        "labels of " + Mm(cell_w) + " × " + Mm(cell_h) + " mm (" + Count(layout.columns, "column") +
        " × " + Count(layout.rows, "row") +
        " on A4) are too small: each needs a QR code of at least " + Mm(kMinQrMm) +
        " mm that scans and text of at least " + Mm(kMinTextWidthMm) + " × " +
        Mm(kMinTextHeightMm) + " mm; use fewer columns or rows, or smaller margins or gaps");
  }

  SheetGeometry g;
  g.page_width = kA4WidthMm * kPointsPerMm;
  g.page_height = kA4HeightMm * kPointsPerMm;
  for (int row = 0; row < layout.rows; ++row) {
    for (int column = 0; column < layout.columns; ++column) {
      g.cells.push_back(
          ToPoints({layout.margin_mm + column * (cell_w + layout.column_gap_mm),
                    layout.margin_mm + row * (cell_h + layout.row_gap_mm), cell_w, cell_h}));
    }
  }
  g.qr = ToPoints(plan->qr);
  g.text = ToPoints(plan->text);
  return g;
}

Status ValidateSheetLayout(const SheetLayout& layout) { return LayOutSheet(layout).status(); }

}  // namespace txng::label
