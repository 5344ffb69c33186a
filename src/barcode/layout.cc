#include "barcode/layout.h"

#include <algorithm>

namespace txng::barcode {
namespace {

// Text under linear symbols: the font size and the blank above it, in
// modules; the band below the bars is kTextGap + kFontSize + kTextDescent.
constexpr int kFontSize = 8;
constexpr int kTextGap = 1;
constexpr int kTextDescent = 2;

// EAN-13 and UPC-A (95 modules): the guard bars reach down into the digits'
// band by this much, and the digits outside the bars need this much room.
constexpr int kGuardExtension = kTextGap + kFontSize / 2;
constexpr int kOuterDigitSpace = 8;
constexpr int kOuterFontSize = kFontSize * 3 / 4;

struct ModuleRange {
  int begin, end;  // [begin, end) from the symbol's left edge
};
// Left, centre and right guards; UPC-A also extends the bars of its first
// and last digit (number system and check digit).
constexpr ModuleRange kEanGuards[] = {{0, 3}, {45, 50}, {92, 95}};
constexpr ModuleRange kUpcExtraGuards[] = {{3, 10}, {85, 92}};

bool IsRetail(Symbology s) { return s == Symbology::kEan13 || s == Symbology::kUpcA; }

bool InGuard(Symbology s, int begin, int end) {
  auto inside = [&](ModuleRange r) { return begin >= r.begin && end <= r.end; };
  for (ModuleRange r : kEanGuards) {
    if (inside(r)) return true;
  }
  if (s == Symbology::kUpcA) {
    for (ModuleRange r : kUpcExtraGuards) {
      if (inside(r)) return true;
    }
  }
  return false;
}

// The digits of an EAN-13 (1 + 6 + 6) or UPC-A (1 + 5 + 5 + 1) under and
// beside the bars; `left` is where the symbol's first module is drawn.
std::vector<TextPiece> RetailDigits(Symbology s, std::string_view digits, int left, int baseline) {
  auto piece = [&](std::size_t pos, std::size_t n, double center, int size) {
    return TextPiece{digits.substr(pos, n), left + center, baseline, size};
  };
  const double outside = kOuterDigitSpace / 2.0;
  if (s == Symbology::kEan13) {
    return {piece(0, 1, -outside, kFontSize), piece(1, 6, (3 + 45) / 2.0, kFontSize),
            piece(7, 6, (50 + 92) / 2.0, kFontSize)};
  }
  return {piece(0, 1, -outside, kOuterFontSize), piece(1, 5, (10 + 45) / 2.0, kFontSize),
          piece(6, 5, (50 + 85) / 2.0, kFontSize), piece(11, 1, 95 + outside, kOuterFontSize)};
}

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
  const bool text = options.show_text && !symbol.text.empty();
  const bool retail = text && IsRetail(symbol.symbology) && symbol.Width() == 95 &&
                      symbol.text.size() == (symbol.symbology == Symbology::kEan13 ? 13u : 12u);
  // Retail digits outside the bars need room in the quiet zones.
  const int left = retail ? std::max(quiet, kOuterDigitSpace) : quiet;
  const int right =
      retail && symbol.symbology == Symbology::kUpcA ? std::max(quiet, kOuterDigitSpace) : quiet;
  layout.width = left + symbol.Width() + right;
  int x = 0;
  for (std::size_t i = 0; i < symbol.bar_widths.size(); ++i) {
    const int w = symbol.bar_widths[i];
    if (i % 2 == 0) {
      const bool guard = retail && InGuard(symbol.symbology, x, x + w);
      layout.dark.push_back({left + x, quiet, w, bar_height + (guard ? kGuardExtension : 0)});
    }
    x += w;
  }
  layout.height = quiet + bar_height + quiet;
  if (text) {
    const int baseline = quiet + bar_height + kTextGap + kFontSize;
    if (retail) {
      layout.texts = RetailDigits(symbol.symbology, symbol.text, left, baseline);
    } else {
      layout.texts.push_back({symbol.text, layout.width / 2.0, baseline, kFontSize});
    }
    layout.height += kTextGap + kFontSize + kTextDescent;
  }
  return layout;
}

}  // namespace txng::barcode
