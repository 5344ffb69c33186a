// QR Code through libqrencode.
#include <qrencode.h>

#include <memory>
#include <string>

#include "barcode/encoders.h"

namespace txng::barcode {
namespace {

struct QrLevel {
  QRecLevel level;
  char name;
  // Byte-mode capacity of a version 40 symbol (ISO/IEC 18004 table 7).
  int max_bytes;
};

QrLevel LevelOf(QrErrorCorrection ec) {
  switch (ec) {
    case QrErrorCorrection::kL:
      return {QR_ECLEVEL_L, 'L', 2953};
    case QrErrorCorrection::kM:
      return {QR_ECLEVEL_M, 'M', 2331};
    case QrErrorCorrection::kQ:
      return {QR_ECLEVEL_Q, 'Q', 1663};
    case QrErrorCorrection::kH:
      return {QR_ECLEVEL_H, 'H', 1273};
  }
  return {QR_ECLEVEL_M, 'M', 2331};
}

struct QrCodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<Symbol> EncodeQr(std::string_view data, QrOptions options) {
  const QrLevel level = LevelOf(options.error_correction);
  if (data.empty()) return Status::InvalidArgument("QR data is empty");
  // libqrencode takes a C string.
  if (data.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("QR data must not contain NUL bytes");
  }
  const std::string text(data);
  // Version 0: the smallest that fits; mixed modes keep digit runs compact.
  std::unique_ptr<QRcode, QrCodeDeleter> code(
      QRcode_encodeString(text.c_str(), 0, level.level, QR_MODE_8, /*casesensitive=*/1));
  if (code == nullptr) {
    return Status::InvalidArgument("data too long for a QR code at level " +
                                   std::string(1, level.name) + " (max " +
                                   std::to_string(level.max_bytes) + " bytes)");
  }
  Symbol symbol;
  symbol.symbology = Symbology::kQrCode;
  symbol.rows = code->width;
  symbol.columns = code->width;
  symbol.modules.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < symbol.modules.size(); ++i) {
    symbol.modules[i] = (code->data[i] & 1) != 0;  // bit 0 is the module's colour
  }
  symbol.data = text;
  return symbol;
}

}  // namespace txng::barcode
