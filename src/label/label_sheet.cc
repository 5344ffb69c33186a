// The PDF: cairo's PDF surface writing into a string, one page per
// LabelsPerPage() labels; QR modules are filled rectangles, text is
// DejaVu with the glyphs embedded (so the PDF is searchable and copyable).
#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdio>
#include <memory>

#include "barcode/cairo_handles.h"
#include "barcode/encoders.h"
#include "label/label.h"
#include "label/sheet_geometry.h"
#include "label/text_fit.h"

namespace txng::label {
namespace {

// The quiet zone every QR code needs around it, in modules (ISO/IEC 18004).
constexpr int kQuietZoneModules = 4;

using barcode::AppendToString;
using barcode::CairoContext;
using barcode::CairoSurface;

std::string Mm(double points) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", points / kPointsPerMm);
  return buf;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Dark modules as one path of horizontal runs, quiet zone inside `square`.
Status DrawQr(cairo_t* cr, const std::string& digital_link, const Rect& square) {
  TXNG_ASSIGN_OR_RETURN(barcode::Symbol symbol, barcode::EncodeQr(digital_link));
  const double module = square.width / (symbol.columns + 2 * kQuietZoneModules);
  if (module < kMinModuleMm * kPointsPerMm) {
    return Status::InvalidArgument(
        "its Digital Link (" + std::to_string(digital_link.size()) +
        " characters) needs a QR code of " + std::to_string(symbol.columns) + " × " +
        std::to_string(symbol.rows) + " modules, which this layout would print at " + Mm(module) +
        " mm a module, below the " + Mm(kMinModuleMm * kPointsPerMm) +
        " mm that scans; use fewer columns or rows, or a shorter Digital Link stem");
  }
  const double x0 = square.x + kQuietZoneModules * module;
  const double y0 = square.y + kQuietZoneModules * module;
  for (int row = 0; row < symbol.rows; ++row) {
    int column = 0;
    while (column < symbol.columns) {
      if (!symbol.IsDark(row, column)) {
        ++column;
        continue;
      }
      const int start = column;
      while (column < symbol.columns && symbol.IsDark(row, column)) ++column;
      cairo_rectangle(cr, x0 + start * module, y0 + row * module, (column - start) * module,
                      module);
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
  return Status::Ok();
}

std::vector<Paragraph> LabelText(const Label& label, const LabelCaptions& captions) {
  std::vector<Paragraph> text;
  auto field = [&](const std::string& caption, const std::string& value) {
    if (value.empty()) return;
    Paragraph p;
    p.text = caption + ": " + value;
    text.push_back(p);
  };
  Paragraph name;
  name.text = label.product_name;
  name.face = Face::kBold;
  name.size = 10;
  name.max_lines = 3;
  text.push_back(name);
  Paragraph producer;
  producer.text = label.producer_name;
  producer.space_before = 0.15;
  text.push_back(producer);
  field(captions.lot, label.lot_code);
  field(captions.production_date, FormatLabelDate(captions.language, label.production_date));
  field(captions.expiry_date, FormatLabelDate(captions.language, label.expiry_date));
  field(captions.serial, label.serial);
  Paragraph code;
  code.text = label.trace_code;
  code.face = Face::kMono;
  code.size = 6.5;
  code.max_lines = 0;
  code.code = true;
  code.space_before = 0.3;
  text.push_back(code);
  return text;
}

Status DrawLabel(cairo_t* cr, TextMeasure& measure, const Label& label,
                 const LabelCaptions& captions, const Rect& cell, const SheetGeometry& g) {
  if (label.digital_link.empty()) return Status::InvalidArgument("it has no Digital Link");
  const Rect qr{cell.x + g.qr.x, cell.y + g.qr.y, g.qr.width, g.qr.height};
  TXNG_RETURN_IF_ERROR(DrawQr(cr, label.digital_link, qr));
  const Rect box{cell.x + g.text.x, cell.y + g.text.y, g.text.width, g.text.height};
  TXNG_ASSIGN_OR_RETURN(std::vector<TextLine> lines,
                        FitText(measure, LabelText(label, captions), box));
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const TextLine& line : lines) {
    measure.Select(cr, line.face, line.size);
    cairo_move_to(cr, line.x, line.baseline);
    cairo_show_text(cr, line.text.c_str());
  }
  return Status::Ok();
}

std::string Describe(size_t index, const Label& label) {
  std::string s = "label " + std::to_string(index + 1) + " (lot " + label.lot_code;
  if (!label.serial.empty()) s += ", serial " + label.serial;
  return s + ")";
}

}  // namespace

std::string FormatLabelDate(LabelLanguage language, const std::string& iso_date) {
  if (language == LabelLanguage::kEnglish || !IsIsoDate(iso_date)) return iso_date;
  return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

Result<std::string> RenderLabelSheetPdf(const std::vector<Label>& labels, const SheetLayout& layout,
                                        const LabelCaptions& captions) {
  if (labels.empty()) return Status::InvalidArgument("there are no labels to print");
  if (labels.size() > static_cast<size_t>(kMaxLabelsPerSheet)) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxLabelsPerSheet) +
                                   " labels can be printed at once, not " +
                                   std::to_string(labels.size()) + "; print them in several runs");
  }
  TXNG_ASSIGN_OR_RETURN(SheetGeometry g, LayOutSheet(layout));
  std::string pdf;
  CairoSurface surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, g.page_width, g.page_height));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "TXNG labels");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "TXNG");
  CairoContext cr(cairo_create(surface.get()));
  const size_t per_page = g.cells.size();
  {
    TextMeasure measure(cr.get());
    const cairo_rectangle_t extents{0, 0, g.cells[0].width, g.cells[0].height};
    const Rect origin{0, 0, extents.width, extents.height};
    // Each label is recorded once and painted into its cell; a label like
    // the one before is painted again from the same recording, which the
    // PDF then holds once however many copies are printed.
    CairoSurface recorded;
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i > 0 && i % per_page == 0) cairo_show_page(cr.get());
      if (i == 0 || !(labels[i] == labels[i - 1])) {
        recorded.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
        CairoContext label_cr(cairo_create(recorded.get()));
        Status s = DrawLabel(label_cr.get(), measure, labels[i], captions, origin, g);
        if (!s.ok()) return s.WithContext(Describe(i, labels[i]));
      }
      const Rect& cell = g.cells[i % per_page];
      cairo_set_source_surface(cr.get(), recorded.get(), cell.x, cell.y);
      cairo_paint(cr.get());
    }
  }
  cairo_show_page(cr.get());
  const cairo_status_t drawn = cairo_status(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t written = cairo_surface_status(surface.get());
  for (cairo_status_t status : {drawn, written}) {
    if (status != CAIRO_STATUS_SUCCESS) {
      return Status::Internal(std::string("cairo could not write the label PDF: ") +
                              cairo_status_to_string(status));
    }
  }
  return pdf;
}

}  // namespace txng::label
