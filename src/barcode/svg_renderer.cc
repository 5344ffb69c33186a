#include <algorithm>
#include <charconv>
#include <string>

#include "barcode/layout.h"
#include "barcode/render.h"
#include "common/xml_text.h"

namespace txng::barcode {
namespace {

std::string Number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace

std::string RenderSvg(const Symbol& symbol, const RenderOptions& options) {
  const Layout layout = LayOut(symbol, options);
  const int px = std::max(1, options.module_px);
  const std::string width = std::to_string(layout.width);
  const std::string height = std::to_string(layout.height);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(layout.width * px) + "\" height=\"" +
                    std::to_string(layout.height * px) + "\" viewBox=\"0 0 " + width + " " +
                    height + "\" shape-rendering=\"crispEdges\">\n";
  svg += "<title>" + EscapeXml(SymbologyName(symbol.symbology)) + "</title>\n";
  svg += "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>\n";
  svg += "<path fill=\"#000\" d=\"";
  for (const ModuleRect& r : layout.dark) {
    svg += "M" + std::to_string(r.x) + " " + std::to_string(r.y) + "h" + std::to_string(r.width) +
           "v" + std::to_string(r.height) + "h-" + std::to_string(r.width) + "z";
  }
  svg += "\"/>\n";
  for (const TextPiece& piece : layout.texts) {
    svg += "<text x=\"" + Number(piece.center_x) + "\" y=\"" + std::to_string(piece.baseline) +
           "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"" +
           std::to_string(piece.font_size) + "\" text-anchor=\"middle\" fill=\"#000\">" +
           EscapeXml(piece.text) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace txng::barcode
