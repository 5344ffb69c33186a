// GS1-128, EAN-13 and UPC-A through zxing-cpp's writers.
#include <BitMatrix.h>
#include <MultiFormatWriter.h>

#include <exception>
#include <string>

#include "barcode/encoders.h"
#include "barcode/gs1_input.h"
#include "gs1/check_digit.h"

namespace txng::barcode {
namespace {

// zxing-cpp's Code 128 writer takes U+00F1 for FNC1.
constexpr wchar_t kZxingFnc1 = L'\u00f1';
// The GS1 General Specifications allow at most 48 data characters per symbol.
constexpr int kGs1_128MaxCharacters = 48;

// Runs of row 0 of a one-row matrix written without margin, which starts and
// ends with a bar.
std::vector<int> BarWidths(const ZXing::BitMatrix& matrix) {
  std::vector<int> widths;
  bool dark = true;
  int run = 0;
  for (int x = 0; x < matrix.width(); ++x) {
    if (matrix.get(x, 0) != dark) {
      widths.push_back(run);
      dark = !dark;
      run = 0;
    }
    ++run;
  }
  widths.push_back(run);
  return widths;
}

template <typename Text>
Result<std::vector<int>> WriteLinear(ZXing::BarcodeFormat format, const Text& contents) {
  try {
    // Width 1 and margin 0: one pixel per module.
    ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(format).setMargin(0).encode(contents, 1, 1);
    return BarWidths(matrix);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("zxing-cpp could not write the barcode: ") + e.what());
  }
}

// Checks that `key` is `length` digits with a valid GS1 check digit.
Status CheckGtin(std::string_view key, std::size_t length, std::string_view name) {
  if (key.size() != length) {
    return Status::InvalidArgument(std::string(name) + " needs " + std::to_string(length) +
                                   " digits, got " + std::to_string(key.size()));
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') {
      return Status::InvalidArgument(std::string(name) + " must be digits only, got '" +
                                     std::string(1, key[i]) + "' at position " +
                                     std::to_string(i + 1));
    }
  }
  if (!gs1::HasValidCheckDigit(key)) {
    return Status::InvalidArgument(std::string(name) + " check digit is " + key.back() +
                                   ", expected " +
                                   *gs1::Mod10CheckDigit(key.substr(0, length - 1)));
  }
  return Status::Ok();
}

Result<Symbol> EncodeGtin(std::string_view key, std::size_t length, Symbology symbology,
                          ZXing::BarcodeFormat format) {
  TXNG_RETURN_IF_ERROR(CheckGtin(key, length, SymbologyName(symbology)));
  TXNG_ASSIGN_OR_RETURN(std::vector<int> widths, WriteLinear(format, std::string(key)));
  Symbol symbol;
  symbol.symbology = symbology;
  symbol.bar_widths = std::move(widths);
  symbol.data = std::string(key);
  symbol.text = std::string(key);
  return symbol;
}

}  // namespace

Result<Symbol> EncodeGs1_128(std::string_view element_string) {
  TXNG_ASSIGN_OR_RETURN(Gs1Input input, ReadGs1Input(element_string));
  if (input.data_characters > kGs1_128MaxCharacters) {
    return Status::InvalidArgument(
        "GS1-128 holds at most " + std::to_string(kGs1_128MaxCharacters) +
        " data characters, got " + std::to_string(input.data_characters));
  }
  std::wstring contents(1, kZxingFnc1);
  for (char c : input.data) contents += c == '\x1d' ? kZxingFnc1 : static_cast<wchar_t>(c);
  TXNG_ASSIGN_OR_RETURN(std::vector<int> widths,
                        WriteLinear(ZXing::BarcodeFormat::Code128, contents));
  Symbol symbol;
  symbol.symbology = Symbology::kGs1_128;
  symbol.bar_widths = std::move(widths);
  symbol.data = std::move(input.data);
  symbol.text = std::move(input.bracketed);
  return symbol;
}

Result<Symbol> EncodeEan13(std::string_view gtin13) {
  return EncodeGtin(gtin13, 13, Symbology::kEan13, ZXing::BarcodeFormat::EAN13);
}

Result<Symbol> EncodeUpcA(std::string_view gtin12) {
  return EncodeGtin(gtin12, 12, Symbology::kUpcA, ZXing::BarcodeFormat::UPCA);
}

}  // namespace txng::barcode
