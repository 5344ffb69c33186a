#include "barcode/layout.h"

#include <algorithm>

namespace txng::barcode {
namespace {

// Text under linear symbols: the font size and the blank above it, in
// modules; the band below the bars is kTextGap + kFontSize + kTextDescent.
constexpr int kFontSize = 8;
constexpr int kTextGap = 1;
constexpr int kTextDescent = 2;

}  // namespace

Status ValidateRenderOptions(const RenderOptions& options) {
  if (options.module_px < 1) {
    return Status::InvalidArgument(
        "module_px must be at least 1, got " + std::to_string(options.module_px), "module_px");
  }
  if (options.quiet_zone_modules && *options.quiet_zone_modules < 0) {
    return Status::InvalidArgument("quiet_zone_modules must not be negative, got " +
                                       std::to_string(*options.quiet_zone_modules),
                                   "quiet_zone_modules");
  }
  if (options.bar_height < 1) {
    return Status::InvalidArgument(
        "bar_height must be at least 1, got " + std::to_string(options.bar_height), "bar_height");
  }
  return Status::Ok();
}

Layout LayOut(const Symbol& symbol, const RenderOptions& options) {
  const int quiet =
      std::max(0, options.quiet_zone_modules.value_or(MinimumQuietZone(symbol.symbology)));
  Layout layout;
  layout.width = symbol.Width() + 2 * quiet;
  if (!IsLinear(symbol.symbology)) {
    layout.height = symbol.rows + 2 * quiet;
    // One rectangle per horizontal run of dark modules.
    for (int row = 0; row < symbol.rows; ++row) {
      int col = 0;
      while (col < symbol.columns) {
        if (!symbol.IsDark(row, col)) {
          ++col;
          continue;
        }
        const int start = col;
        while (col < symbol.columns && symbol.IsDark(row, col)) ++col;
        layout.dark.push_back({quiet + start, quiet + row, col - start, 1});
      }
    }
    return layout;
  }
  const int bar_height = std::max(1, options.bar_height);
  int x = quiet;
  for (std::size_t i = 0; i < symbol.bar_widths.size(); ++i) {
    if (i % 2 == 0) layout.dark.push_back({x, quiet, symbol.bar_widths[i], bar_height});
    x += symbol.bar_widths[i];
  }
  layout.height = quiet + bar_height + quiet;
  if (options.show_text && !symbol.text.empty()) {
    layout.text = symbol.text;
    layout.text_center_x = layout.width / 2.0;
    layout.text_baseline = quiet + bar_height + kTextGap + kFontSize;
    layout.font_size = kFontSize;
    layout.height += kTextGap + kFontSize + kTextDescent;
  }
  return layout;
}

}  // namespace txng::barcode
