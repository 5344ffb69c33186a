// GS1 DataMatrix through libdmtx.
#include <dmtx.h>

#include <memory>
#include <string>

#include "barcode/encoders.h"
#include "barcode/gs1_input.h"

namespace txng::barcode {
namespace {

// The byte that stands for FNC1 in the message given to libdmtx.
constexpr int kFnc1Byte = 0x1d;

struct DmtxEncodeDeleter {
  void operator()(DmtxEncode* enc) const { dmtxEncodeDestroy(&enc); }
};

}  // namespace

Result<Symbol> EncodeGs1DataMatrix(std::string_view element_string) {
  TXNG_ASSIGN_OR_RETURN(Gs1Input input, ReadGs1Input(element_string));
  // FNC1 in first position marks the symbol as GS1; the GS bytes of
  // `input.data` become FNC1 separators.
  std::string message = static_cast<char>(kFnc1Byte) + input.data;
  std::unique_ptr<DmtxEncode, DmtxEncodeDeleter> enc(dmtxEncodeCreate());
  if (enc == nullptr) return Status::Internal("libdmtx could not allocate an encoder");
  dmtxEncodeSetProp(enc.get(), DmtxPropFnc1, kFnc1Byte);
  dmtxEncodeSetProp(enc.get(), DmtxPropSizeRequest, DmtxSymbolSquareAuto);
  if (dmtxEncodeDataMatrix(enc.get(), static_cast<int>(message.size()),
                           reinterpret_cast<unsigned char*>(message.data())) != DmtxPass) {
    return Status::InvalidArgument("element string too long for a GS1 DataMatrix (" +
                                   std::to_string(input.data_characters) + " characters)");
  }
  const int size = enc->region.sizeIdx;
  Symbol symbol;
  symbol.symbology = Symbology::kGs1DataMatrix;
  symbol.rows = dmtxGetSymbolAttribute(DmtxSymAttribSymbolRows, size);
  symbol.columns = dmtxGetSymbolAttribute(DmtxSymAttribSymbolCols, size);
  symbol.modules.resize(static_cast<std::size_t>(symbol.rows) * symbol.columns);
  for (int row = 0; row < symbol.rows; ++row) {
    for (int col = 0; col < symbol.columns; ++col) {
      // libdmtx counts rows from the bottom (its solid finder row is row 0).
      const int status = dmtxSymbolModuleStatus(enc->message, size, symbol.rows - 1 - row, col);
      symbol.modules[row * symbol.columns + col] = (status & DmtxModuleOnRGB) != 0;
    }
  }
  symbol.data = std::move(input.data);
  return symbol;
}

}  // namespace txng::barcode
