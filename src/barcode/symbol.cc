#include "barcode/symbol.h"

#include <numeric>

namespace txng::barcode {

std::string_view SymbologyName(Symbology symbology) {
  switch (symbology) {
    case Symbology::kQrCode:
      return "QR Code";
    case Symbology::kGs1DataMatrix:
      return "GS1 DataMatrix";
    case Symbology::kGs1_128:
      return "GS1-128";
    case Symbology::kEan13:
      return "EAN-13";
    case Symbology::kUpcA:
      return "UPC-A";
  }
  return "unknown";
}

std::string_view SymbologyIdentifier(Symbology symbology) {
  switch (symbology) {
    case Symbology::kQrCode:
      return "]Q1";
    case Symbology::kGs1DataMatrix:
      return "]d2";
    case Symbology::kGs1_128:
      return "]C1";
    case Symbology::kEan13:
    case Symbology::kUpcA:
      return "]E0";
  }
  return "";
}

bool IsLinear(Symbology symbology) {
  return symbology != Symbology::kQrCode && symbology != Symbology::kGs1DataMatrix;
}

int MinimumQuietZone(Symbology symbology) {
  switch (symbology) {
    case Symbology::kQrCode:
      return 4;
    case Symbology::kGs1DataMatrix:
      return 1;
    case Symbology::kGs1_128:
      return 10;
    case Symbology::kEan13:
      return 11;
    case Symbology::kUpcA:
      return 9;
  }
  return 10;
}

int Symbol::Width() const {
  if (!IsLinear(symbology)) return columns;
  return std::accumulate(bar_widths.begin(), bar_widths.end(), 0);
}

}  // namespace txng::barcode
