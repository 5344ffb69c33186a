#include <algorithm>

#include "gs1/ai_table.h"
#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/scan_data.h"

namespace txng::gs1 {
namespace {

constexpr char kGroupSeparator = '\x1D';

struct Symbology {
  std::string_view name;
  std::string_view plain_identifier;  // empty when the symbol carries GS1 data only
  std::string_view gs1_identifier;
};

constexpr Symbology kMatrixSymbologies[] = {
    {"QR", "]Q1", "]Q3"},           {"DM", "]d1", "]d2"},       {"DotCode", "]J0", "]J1"},
    {"DataBarExpanded", "", "]e0"}, {"GS1_128_CCA", "", "]C1"}, {"GS1_128_CCC", "", "]C1"},
};

Status GenerateError(const std::string& rule) {
  return Status::InvalidArgument("scan data: " + rule);
}

bool IsHttpUri(std::string_view data) {
  for (std::string_view scheme : {"http://", "https://", "HTTP://", "HTTPS://"}) {
    if (data.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Validates an element string and returns it in scanner form: no leading
// FNC1, GS between values. `ends_with_fnc1_ai` tells whether its last AI
// needs a separator before more data.
Result<std::string> ScannerForm(std::string_view element_string,
                                const ElementStringOptions& options, bool* ends_with_fnc1_ai) {
  if (element_string.empty() || element_string[0] != '^') {
    return GenerateError("GS1 data must start with '^' (FNC1)");
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<AiValue> ais, ParseElementString(element_string, options));
  const AiEntry* last = FindAi(ais.back().ai);
  *ends_with_fnc1_ai = last == nullptr || last->fnc1_required;
  std::string out(element_string.substr(1));
  std::replace(out.begin(), out.end(), '^', kGroupSeparator);
  return out;
}

// Undoes ProcessScanData's escaping of plain data, where each '^' is written
// "\^" and nothing else is escaped.
std::string UnescapePlain(std::string_view data) {
  std::string out;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\\' && i + 1 < data.size() && data[i + 1] == '^') ++i;
    out += data[i];
  }
  return out;
}

// The GTIN-14 of "^01…" data or of bare GTIN digits (8, 12, 13 or 14).
Result<std::string> Gtin14(std::string_view data) {
  if (data.substr(0, 3) == "^01") data.remove_prefix(3);
  if (!AllDigits(data)) return GenerateError("'" + std::string(data) + "' is not a GTIN");
  auto gtin = NormalizeGtin(data);
  if (!gtin)
    return GenerateError("'" + std::string(data) + "' is not a GTIN with a valid check digit");
  return *gtin;
}

Result<std::string> Composite(std::string_view composite, const ElementStringOptions& options) {
  bool unused = false;
  return ScannerForm(composite, options, &unused);
}

// A linear symbol with a 2D composite component reads as ]e0 and one GS1
// element string (`data`, GS between values), which must be valid as a whole.
Result<std::string> CompositeSymbol(const std::string& data, const ElementStringOptions& options) {
  TXNG_RETURN_IF_ERROR(ParseElementString("^" + data, options).status());
  return "]e0" + data;
}

Result<std::string> EanUpc(std::string_view symbology, std::string_view linear,
                           bool add_check_digit) {
  std::string digits(linear);
  if (add_check_digit) {
    if (symbology != "EAN13" || digits.size() != 12 || !AllDigits(digits)) {
      return GenerateError("a check digit can be added to 12 digits of EAN-13 only");
    }
    digits += *Mod10CheckDigit(digits);
  }
  std::size_t bare_length = symbology == "EAN13" ? 13 : symbology == "EAN8" ? 8 : 12;
  if (linear.substr(0, 1) != "^" && digits.size() != bare_length) {
    return GenerateError(std::string(symbology) + " data must have " + std::to_string(bare_length) +
                         " digits");
  }
  TXNG_ASSIGN_OR_RETURN(std::string gtin, Gtin14(digits));
  if (symbology == "EAN8") {
    if (gtin.substr(0, 6) != "000000") return GenerateError("not a GTIN-8");
    return "]E4" + gtin.substr(6);
  }
  if (gtin[0] != '0' || (symbology != "EAN13" && gtin[1] != '0')) {
    return GenerateError("the GTIN does not fit " + std::string(symbology));
  }
  return "]E0" + gtin.substr(1);
}

}  // namespace

Result<std::string> GenerateScanData(std::string_view data, std::string_view symbology,
                                     bool add_check_digit, const ElementStringOptions& options) {
  std::size_t bar = data.find('|');
  std::string_view linear = data.substr(0, bar);
  std::string_view composite = bar == std::string_view::npos ? "" : data.substr(bar + 1);
  if (symbology == "EAN13" || symbology == "EAN8" || symbology == "UPCA" || symbology == "UPCE") {
    TXNG_ASSIGN_OR_RETURN(std::string out, EanUpc(symbology, linear, add_check_digit));
    if (!composite.empty()) {
      TXNG_ASSIGN_OR_RETURN(std::string component, Composite(composite, options));
      out += "|]e0" + component;
    }
    return out;
  }
  // With a composite component, a scanner reads one GS1 element string: the
  // association rules apply to both components together.
  ElementStringOptions per_component = options;
  if (!composite.empty()) {
    per_component.validate_requisites = false;
    per_component.validate_exclusions = false;
  }
  if (symbology == "DataBarOmni" || symbology == "DataBarLimited") {
    TXNG_ASSIGN_OR_RETURN(std::string gtin, Gtin14(linear));
    if (symbology == "DataBarLimited" && gtin[0] > '1') {
      return GenerateError("DataBar Limited carries GTINs starting with 0 or 1");
    }
    std::string out = "01" + gtin;
    if (!composite.empty()) {
      TXNG_ASSIGN_OR_RETURN(std::string component, Composite(composite, per_component));
      out += component;
    }
    return CompositeSymbol(out, options);
  }
  auto symbol = std::find_if(std::begin(kMatrixSymbologies), std::end(kMatrixSymbologies),
                             [symbology](const Symbology& s) { return s.name == symbology; });
  if (symbol == std::end(kMatrixSymbologies)) {
    return GenerateError("unknown symbology '" + std::string(symbology) + "'");
  }
  if (data.empty() || data[0] != '^') {
    if (symbol->plain_identifier.empty()) {
      return GenerateError(std::string(symbology) + " carries GS1 data only");
    }
    if (data.empty()) return GenerateError("no data");
    std::string plain = UnescapePlain(data);
    // What a scanner reads must process: a URI there must be a Digital Link.
    if (IsHttpUri(plain))
      TXNG_RETURN_IF_ERROR(ParseDigitalLink(plain, DigitalLinkOptions()).status());
    return std::string(symbol->plain_identifier) + plain;
  }
  bool separator_needed = false;
  TXNG_ASSIGN_OR_RETURN(std::string out, ScannerForm(linear, per_component, &separator_needed));
  if (composite.empty()) return std::string(symbol->gs1_identifier) + out;
  TXNG_ASSIGN_OR_RETURN(std::string component, Composite(composite, per_component));
  return CompositeSymbol(
      out + (separator_needed ? std::string(1, kGroupSeparator) : "") + component, options);
}

}  // namespace txng::gs1
