// Test support: reads a PDF the way a person with a phone would. Pages are
// rasterised with poppler's pdftoppm and every QR code on them is decoded
// with zxing-cpp; the text comes from poppler's pdftotext.
#ifndef TXNG_LABEL_PDF_PROBE_TESTING_H_
#define TXNG_LABEL_PDF_PROBE_TESTING_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace txng::label::testing {

// The texts of every QR code found on each page, page by page, after
// `pdftoppm -r <dpi> -png`. Each page is read until a pass of the decoder
// finds no further symbol (those found are painted over between passes).
Result<std::vector<std::vector<std::string>>> DecodeQrCodesPerPage(const std::string& pdf,
                                                                   int dpi = 200);

// The output of `pdftotext -enc UTF-8` (pages separated by form feeds).
Result<std::string> PdfText(const std::string& pdf);

// The number of pages, as `pdfinfo` reports it.
Result<int> PdfPageCount(const std::string& pdf);

}  // namespace txng::label::testing

#endif  // TXNG_LABEL_PDF_PROBE_TESTING_H_
