// A barcode symbol as modules, independent of how it is drawn: what the
// encoders (encoders.h) produce and the renderers (render.h) draw.
#ifndef TXNG_BARCODE_SYMBOL_H_
#define TXNG_BARCODE_SYMBOL_H_

#include <string>
#include <string_view>
#include <vector>

namespace txng::barcode {

enum class Symbology { kQrCode, kGs1DataMatrix, kGs1_128, kEan13, kUpcA };

// "QR Code", "GS1 DataMatrix", "GS1-128", "EAN-13", "UPC-A".
std::string_view SymbologyName(Symbology symbology);

// The symbology identifier a scanner sends before the data of a symbol made
// by this library: "]Q1", "]d2", "]C1", "]E0" (EAN-13 and UPC-A).
std::string_view SymbologyIdentifier(Symbology symbology);

// True for the one-dimensional symbologies (bars), false for matrices.
bool IsLinear(Symbology symbology);

// The smallest quiet zone the symbology's specification allows, in modules:
// 4 for QR, 1 for DataMatrix, 10 for GS1-128, 11 for EAN-13, 9 for UPC-A.
int MinimumQuietZone(Symbology symbology);

struct Symbol {
  Symbology symbology = Symbology::kQrCode;
  // Matrix symbols: `rows` x `columns` modules, row-major from the top-left
  // corner, true for a dark module. Empty for linear symbols.
  int rows = 0;
  int columns = 0;
  std::vector<bool> modules;
  // Linear symbols: widths in modules of alternating bars and spaces, from a
  // bar on the left to a bar on the right. Empty for matrix symbols.
  std::vector<int> bar_widths;
  // What a scanner transmits after the symbology identifier; FNC1 separators
  // of GS1 element strings appear as GS (0x1D).
  std::string data;
  // The human-readable interpretation printed under linear symbols, e.g.
  // "(01)09501101530003(10)ABC" for GS1-128.
  std::string text;

  // Width in modules, without quiet zones.
  int Width() const;
  // True when the module at (`row`, `column`) of a matrix symbol is dark.
  bool IsDark(int row, int column) const { return modules[row * columns + column]; }
};

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_SYMBOL_H_
