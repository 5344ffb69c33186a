// Renderers: a Symbol (symbol.h) drawn as SVG or PNG, with its quiet zone
// and, under linear symbols, its human-readable text. Pure functions; the
// caller writes the bytes wherever they go.
#ifndef TXNG_BARCODE_RENDER_H_
#define TXNG_BARCODE_RENDER_H_

#include <optional>
#include <string>

#include "barcode/symbol.h"
#include "common/status.h"

namespace txng::barcode {

struct RenderOptions {
  // Size of one module in pixels (at least 1).
  int module_px = 4;
  // Blank margin on every side, in modules; unset means the symbology's
  // MinimumQuietZone().
  std::optional<int> quiet_zone_modules;
  // Height of the bars of linear symbols, in modules (at least 1).
  int bar_height = 60;
  // Print the human-readable text under linear symbols.
  bool show_text = true;
};

// Checks the ranges documented on RenderOptions.
Status ValidateRenderOptions(const RenderOptions& options);

// A standalone SVG document whose viewBox counts modules (quiet zones
// included) and whose width and height are in pixels. Options out of range
// are brought to the nearest valid value.
std::string RenderSvg(const Symbol& symbol, const RenderOptions& options = {});

// PNG bytes of the symbol, black on white, each module exactly module_px
// pixels. Fails on invalid options or an image larger than cairo allows.
Result<std::string> RenderPng(const Symbol& symbol, const RenderOptions& options = {});

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_RENDER_H_
