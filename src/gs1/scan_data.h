// Scanner output: a symbology identifier (ISO/IEC 15424, e.g. "]d2" for
// GS1 DataMatrix) followed by the decoded data, with GS (0x1D) separating
// variable-length AIs in GS1 modes.
#ifndef TXNG_GS1_SCAN_DATA_H_
#define TXNG_GS1_SCAN_DATA_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "gs1/element_string.h"

namespace txng::gs1 {

struct ScanData {
  // "QR", "DM", "DotCode", "DataBarExpanded", "GS1_128_CCA", "EAN13", "EAN8".
  std::string symbology;
  // GS1 data as an element string ('^' for FNC1); plain data as scanned with
  // each '^' written "\^"; EAN/UPC data as its digits. A 2D composite
  // component follows a '|'.
  std::string data;
};

// Decodes and validates scanner output. GS1 element strings are validated
// with `options`; plain data that is an http(s) URI must be a valid GS1
// Digital Link.
Result<ScanData> ProcessScanData(std::string_view scan, const ElementStringOptions& options);

}  // namespace txng::gs1

#endif  // TXNG_GS1_SCAN_DATA_H_
