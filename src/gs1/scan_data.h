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

// What a scanner reading `data` encoded as `symbology` ("QR", "DM",
// "DotCode", "DataBarExpanded", "DataBarOmni", "DataBarLimited",
// "GS1_128_CCA", "GS1_128_CCC", "EAN13", "EAN8", "UPCA", "UPCE") would
// output. `data` is an element string ('^' first) or, for QR, DataMatrix
// and DotCode, plain data in which "\^" stands for '^' (as ProcessScanData writes it);
// EAN/UPC and DataBar Omni/Limited also take the bare GTIN digits. A
// composite component follows a '|'. With `add_check_digit`, EAN-13 data of
// 12 digits gets its check digit.
Result<std::string> GenerateScanData(std::string_view data, std::string_view symbology,
                                     bool add_check_digit, const ElementStringOptions& options);

}  // namespace txng::gs1

#endif  // TXNG_GS1_SCAN_DATA_H_
