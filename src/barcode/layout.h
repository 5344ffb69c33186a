// Internal: the geometry both renderers draw, in modules, so that SVG and
// PNG agree exactly.
#ifndef TXNG_BARCODE_LAYOUT_H_
#define TXNG_BARCODE_LAYOUT_H_

#include <string_view>
#include <vector>

#include "barcode/render.h"
#include "barcode/symbol.h"

namespace txng::barcode {

struct ModuleRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

// A line of human-readable text, centred on `center_x`, its baseline at `baseline`.
struct TextPiece {
  std::string_view text;
  double center_x = 0;
  int baseline = 0;
  int font_size = 0;
};

struct Layout {
  // The whole picture, quiet zones included.
  int width = 0;
  int height = 0;
  // Dark areas; everything else is white.
  std::vector<ModuleRect> dark;
  // Human-readable text under linear symbols; none when not shown. EAN-13
  // and UPC-A group their digits as printed on retail packs.
  std::vector<TextPiece> texts;
};

// `options` out of range are clamped as RenderSvg documents. The layout
// refers to `symbol.text`, which must outlive it.
Layout LayOut(const Symbol& symbol, const RenderOptions& options);

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_LAYOUT_H_
