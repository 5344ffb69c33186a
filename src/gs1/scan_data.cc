#include "gs1/scan_data.h"

#include "gs1/check_digit.h"
#include "gs1/digital_link.h"

namespace txng::gs1 {
namespace {

enum class Mode { kPlain, kGs1, kEan };

struct Symbology {
  std::string_view identifier;
  std::string_view name;
  Mode mode;
  std::size_t ean_digits;
};

constexpr Symbology kSymbologies[] = {
    {"]Q1", "QR", Mode::kPlain, 0},
    {"]Q3", "QR", Mode::kGs1, 0},
    {"]d1", "DM", Mode::kPlain, 0},
    {"]d2", "DM", Mode::kGs1, 0},
    {"]J0", "DotCode", Mode::kPlain, 0},
    {"]J1", "DotCode", Mode::kGs1, 0},
    {"]e0", "DataBarExpanded", Mode::kGs1, 0},
    {"]C1", "GS1_128_CCA", Mode::kGs1, 0},
    {"]E0", "EAN13", Mode::kEan, 13},
    {"]E4", "EAN8", Mode::kEan, 8},
};

constexpr std::string_view kDigitalLinkSchemes[] = {"http://", "https://", "HTTP://", "HTTPS://"};

Status ScanError(const std::string& rule) { return Status::InvalidArgument("scan data: " + rule); }

// GS1 data with GS separators, as an element string with '^'.
Result<std::string> Gs1Data(std::string_view data, const ElementStringOptions& options) {
  if (data.empty()) return ScanError("no GS1 data after the symbology identifier");
  if (data.find('^') != std::string_view::npos) return ScanError("'^' is not valid GS1 data");
  std::string element_string = "^" + std::string(data);
  TXNG_RETURN_IF_ERROR(ParseElementString(element_string, options).status());
  for (char& c : element_string) {
    if (c == '\x1D') c = '^';
  }
  return element_string;
}

Result<std::string> PlainData(std::string_view data) {
  for (std::string_view scheme : kDigitalLinkSchemes) {
    if (data.substr(0, scheme.size()) == scheme) {
      TXNG_RETURN_IF_ERROR(ParseDigitalLink(data, DigitalLinkOptions()).status());
    }
  }
  std::string out;
  for (char c : data) {
    if (c == '^') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Result<ScanData> ProcessScanData(std::string_view scan, const ElementStringOptions& options) {
  const Symbology* symbology = nullptr;
  for (const Symbology& s : kSymbologies) {
    if (scan.substr(0, s.identifier.size()) == s.identifier) symbology = &s;
  }
  if (symbology == nullptr) {
    return ScanError("no known symbology identifier at the start of '" + std::string(scan) + "'");
  }
  std::string_view data = scan.substr(symbology->identifier.size());
  ScanData result{std::string(symbology->name), ""};
  if (symbology->mode == Mode::kPlain) {
    TXNG_ASSIGN_OR_RETURN(result.data, PlainData(data));
    return result;
  }
  if (symbology->mode == Mode::kGs1) {
    TXNG_ASSIGN_OR_RETURN(result.data, Gs1Data(data, options));
    return result;
  }
  // EAN/UPC, optionally followed by "|]e0" and a GS1 composite component.
  std::size_t bar = data.find('|');
  std::string_view digits = data.substr(0, bar);
  if (digits.size() != symbology->ean_digits || !HasValidCheckDigit(digits)) {
    return ScanError(std::string(symbology->name) + " data must be " +
                     std::to_string(symbology->ean_digits) + " digits with a valid check digit");
  }
  result.data = std::string(digits);
  if (bar != std::string_view::npos) {
    std::string_view composite = data.substr(bar + 1);
    if (composite.substr(0, 3) != "]e0") return ScanError("a composite component starts with ]e0");
    TXNG_ASSIGN_OR_RETURN(std::string component, Gs1Data(composite.substr(3), options));
    result.data += "|" + component;
  }
  return result;
}

}  // namespace txng::gs1
