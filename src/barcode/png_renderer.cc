// PNG through cairo: modules are filled on whole pixels without
// anti-aliasing, so scanners (and the tests' decoder) see clean edges.
#include <cairo.h>

#include <memory>
#include <string>

#include "barcode/cairo_handles.h"
#include "barcode/layout.h"
#include "barcode/render.h"

namespace txng::barcode {
namespace {

// cairo's image surfaces are at most this many pixels on a side.
constexpr int kMaxPixels = 32767;

void Draw(cairo_t* cr, const Layout& layout) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (const ModuleRect& r : layout.dark) cairo_rectangle(cr, r.x, r.y, r.width, r.height);
  cairo_fill(cr);
  if (layout.texts.empty()) return;
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (const TextPiece& piece : layout.texts) {
    cairo_set_font_size(cr, piece.font_size);
    const std::string text(piece.text);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    cairo_move_to(cr, piece.center_x - extents.x_bearing - extents.width / 2, piece.baseline);
    cairo_show_text(cr, text.c_str());
  }
}

}  // namespace

Result<std::string> RenderPng(const Symbol& symbol, const RenderOptions& options) {
  TXNG_RETURN_IF_ERROR(ValidateRenderOptions(options));
  const Layout layout = LayOut(symbol, options);
  const long width = static_cast<long>(layout.width) * options.module_px;
  const long height = static_cast<long>(layout.height) * options.module_px;
  if (width > kMaxPixels || height > kMaxPixels) {
    return Status::InvalidArgument("image would be " + std::to_string(width) + "x" +
                                   std::to_string(height) + " px; at most " +
                                   std::to_string(kMaxPixels) + " px a side");
  }
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width),
                                                  static_cast<int>(height)));
  CairoContext cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), options.module_px, options.module_px);
  Draw(cr.get(), layout);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not draw the symbol: ") +
                            cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_flush(surface.get());
  std::string png;
  const cairo_status_t status =
      cairo_surface_write_to_png_stream(surface.get(), AppendToString, &png);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not write the PNG: ") +
                            cairo_status_to_string(status));
  }
  return png;
}

}  // namespace txng::barcode
