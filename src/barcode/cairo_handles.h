// cairo objects owned by unique_ptr, and a write callback that collects
// cairo's output (PNG or PDF bytes) into a std::string. Shared by the PNG
// renderer and the label sheets.
#ifndef TXNG_BARCODE_CAIRO_HANDLES_H_
#define TXNG_BARCODE_CAIRO_HANDLES_H_

#include <cairo.h>

#include <memory>
#include <string>

namespace txng::barcode {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoContext = std::unique_ptr<cairo_t, CairoContextDeleter>;

// A cairo_write_func_t: `closure` is the std::string to append to.
inline cairo_status_t AppendToString(void* closure, const unsigned char* data,
                                     unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_CAIRO_HANDLES_H_
