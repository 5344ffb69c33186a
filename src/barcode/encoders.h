// Encoders: data in, a Symbol (symbol.h) out, or a Status saying why the
// data cannot be encoded. Pure functions; no I/O.
#ifndef TXNG_BARCODE_ENCODERS_H_
#define TXNG_BARCODE_ENCODERS_H_

#include <string_view>

#include "barcode/symbol.h"
#include "common/status.h"

namespace txng::barcode {

enum class QrErrorCorrection { kL, kM, kQ, kH };

struct QrOptions {
  QrErrorCorrection error_correction = QrErrorCorrection::kM;
};

// A QR Code (model 2, smallest version that fits) holding `data` as given,
// typically a GS1 Digital Link URI. Reads back as "]Q1" + data.
Result<Symbol> EncodeQr(std::string_view data, QrOptions options = {});

// GS1 element strings are given unbracketed: AIs and values, with '^' or GS
// (0x1D) standing for FNC1, e.g. "^0109501101530003^10ABC". The leading FNC1
// is optional (GS1 symbols always start with one). Separators are
// normalised: one FNC1 after each variable-length value that another AI
// follows, none elsewhere. The data is validated as the gs1 layer validates
// element strings (values, check digits, dates, required and excluded AI
// combinations), and its errors are returned as they are.

// A GS1 DataMatrix (ECC 200, square, FNC1 in first position). Reads back as
// "]d2" followed by the element string with GS separators.
Result<Symbol> EncodeGs1DataMatrix(std::string_view element_string);

// A GS1-128 (Code 128 with FNC1 in first position) of at most 48 data
// characters (AIs and values). Reads back as "]C1" followed by the element
// string with GS separators; the text is the bracketed form.
Result<Symbol> EncodeGs1_128(std::string_view element_string);

// An EAN-13 of `gtin13`: 13 digits whose last is the GS1 check digit.
Result<Symbol> EncodeEan13(std::string_view gtin13);

// A UPC-A of `gtin12`: 12 digits whose last is the GS1 check digit.
Result<Symbol> EncodeUpcA(std::string_view gtin12);

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_ENCODERS_H_
