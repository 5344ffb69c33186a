// Internal: where labels, their QR codes and their text go on an A4 page,
// in PDF points (1/72 inch) from the top-left corner.
#ifndef TXNG_LABEL_SHEET_GEOMETRY_H_
#define TXNG_LABEL_SHEET_GEOMETRY_H_

#include <vector>

#include "common/status.h"
#include "label/label.h"

namespace txng::label {

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr double kA4WidthMm = 210;
inline constexpr double kA4HeightMm = 297;

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

struct SheetGeometry {
  double page_width = 0;
  double page_height = 0;
  // One per label position on a page, row by row from the top-left.
  std::vector<Rect> cells;
  // Within a cell, relative to its top-left corner: the square of the QR
  // code (quiet zone included) and the box of the text.
  Rect qr;
  Rect text;
};

// The geometry of a valid layout; the errors of ValidateSheetLayout.
Result<SheetGeometry> LayOutSheet(const SheetLayout& layout);

}  // namespace txng::label

#endif  // TXNG_LABEL_SHEET_GEOMETRY_H_
