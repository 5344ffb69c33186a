#define ZX_USE_UTF8
#include "label/pdf_probe_testing.h"

#include <ReadBarcode.h>
#include <cairo.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace txng::label::testing {
namespace {

namespace fs = std::filesystem;

// A fresh directory holding the PDF, removed with everything in it.
class Scratch {
 public:
  explicit Scratch(const std::string& pdf) {
    std::string pattern = (fs::temp_directory_path() / "txng_pdf_XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) dir_ = pattern;
    std::ofstream(Path("in.pdf"), std::ios::binary) << pdf;
  }
  ~Scratch() {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  bool ok() const { return !dir_.empty(); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

Status Run(const std::string& command) {
  const int rc = std::system((command + " 2>/dev/null").c_str());
  if (rc != 0)
    return Status::Internal("'" + command + "' failed with status " + std::to_string(rc));
  return Status::Ok();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// zxing-cpp finds only some of many symbols on a page in one pass, so each
// pass paints the symbols it found white and the next looks again, until a
// pass finds nothing new.
Result<std::vector<std::string>> DecodePng(const std::string& path) {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal("cannot read " + path);
  }
  const cairo_format_t format = cairo_image_surface_get_format(surface.get());
  if (format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32) {
    return Status::Internal(path + " is not an RGB image");
  }
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  hints.setTryHarder(true);
  hints.setMaxNumberOfSymbols(255);
  std::vector<std::string> texts;
  for (;;) {
    cairo_surface_flush(surface.get());
    // Both formats are one native-endian 32-bit word per pixel: B, G, R, X/A.
    ZXing::ImageView image(cairo_image_surface_get_data(surface.get()),
                           cairo_image_surface_get_width(surface.get()),
                           cairo_image_surface_get_height(surface.get()), ZXing::ImageFormat::BGRX,
                           cairo_image_surface_get_stride(surface.get()));
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_set_line_width(cr.get(), 20);  // also covers the symbol's edge modules
    size_t found = 0;
    for (const ZXing::Result& r : ZXing::ReadBarcodes(image, hints)) {
      if (!r.isValid()) continue;
      ++found;
      texts.push_back(r.text());
      const ZXing::Position& corners = r.position();
      cairo_move_to(cr.get(), corners[0].x, corners[0].y);
      for (int i = 1; i < 4; ++i) cairo_line_to(cr.get(), corners[i].x, corners[i].y);
      cairo_close_path(cr.get());
      cairo_stroke_preserve(cr.get());
      cairo_fill(cr.get());
    }
    cr.reset();
    cairo_surface_mark_dirty(surface.get());
    if (found == 0) break;
  }
  return texts;
}

}  // namespace

Result<std::vector<std::vector<std::string>>> DecodeQrCodesPerPage(const std::string& pdf,
                                                                   int dpi) {
  Scratch scratch(pdf);
  if (!scratch.ok()) return Status::Internal("cannot create a temporary directory");
  TXNG_RETURN_IF_ERROR(Run("pdftoppm -r " + std::to_string(dpi) + " -png " +
                           scratch.Path("in.pdf") + " " + scratch.Path("page")));
  std::vector<std::string> pngs;
  for (const auto& entry : fs::directory_iterator(scratch.dir())) {
    if (entry.path().extension() == ".png") pngs.push_back(entry.path().string());
  }
  // page-1.png … page-N.png, zero-padded to the same width: names sort as pages.
  std::sort(pngs.begin(), pngs.end());
  std::vector<std::vector<std::string>> pages;
  for (const std::string& png : pngs) {
    TXNG_ASSIGN_OR_RETURN(std::vector<std::string> texts, DecodePng(png));
    pages.push_back(std::move(texts));
  }
  return pages;
}

Result<std::string> PdfText(const std::string& pdf) {
  Scratch scratch(pdf);
  if (!scratch.ok()) return Status::Internal("cannot create a temporary directory");
  TXNG_RETURN_IF_ERROR(
      Run("pdftotext -enc UTF-8 " + scratch.Path("in.pdf") + " " + scratch.Path("out.txt")));
  return ReadFile(scratch.Path("out.txt"));
}

Result<int> PdfPageCount(const std::string& pdf) {
  Scratch scratch(pdf);
  if (!scratch.ok()) return Status::Internal("cannot create a temporary directory");
  TXNG_RETURN_IF_ERROR(Run("pdfinfo " + scratch.Path("in.pdf") + " > " + scratch.Path("info")));
  std::istringstream info(ReadFile(scratch.Path("info")));
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("Pages:", 0) == 0) return std::atoi(line.substr(6).c_str());
  }
  return Status::Internal("pdfinfo reported no page count");
}

}  // namespace txng::label::testing
