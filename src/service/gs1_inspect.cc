#include "service/gs1_inspect.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"
#include "gs1/epc_uri.h"
#include "gs1/gs1_data.h"
#include "gs1/scan_data.h"

namespace txng {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

gs1::DigitalLinkOptions LenientLinkOptions() {
  gs1::DigitalLinkOptions o;
  o.permit_zero_suppressed_gtin = true;
  return o;
}

// The AIs of an element string, a Digital Link URI or bare GTIN digits.
Result<std::vector<gs1::AiValue>> ParseAis(std::string_view input,
                                           std::vector<std::string>* other_params) {
  const gs1::ElementStringOptions options;
  if (StartsWith(input, "(")) return gs1::ParseBracketed(input, options);
  if (StartsWith(input, "^") || input.find('\x1D') != std::string_view::npos) {
    std::string s(input);
    std::replace(s.begin(), s.end(), '\x1D', '^');
    if (s[0] != '^') s.insert(s.begin(), '^');
    TXNG_ASSIGN_OR_RETURN(auto parts, gs1::ParseGs1Data(s, options));
    std::vector<gs1::AiValue> ais;
    for (auto& part : parts) ais.insert(ais.end(), part.begin(), part.end());
    return ais;
  }
  if (StartsWith(input, "http://") || StartsWith(input, "https://")) {
    TXNG_ASSIGN_OR_RETURN(gs1::DigitalLink link,
                          gs1::ParseDigitalLink(input, LenientLinkOptions()));
    *other_params = std::move(link.other_query_params);
    return link.ais;
  }
  if (AllDigits(input)) {
    if (auto gtin = gs1::NormalizeGtin(input)) {
      return std::vector<gs1::AiValue>{{"01", *gtin}};
    }
    return Status::InvalidArgument("'" + std::string(input) +
                                   "' is not a GTIN: 8, 12, 13 or 14 digits with a valid check "
                                   "digit are expected");
  }
  return Status::InvalidArgument(
      "not GS1 data: expected a Digital Link URI, an EPC URI, a bracketed element string such as "
      "(01)08930000000019(10)LOT1, an element string starting with ^, scanner data starting with "
      "a symbology identifier such as ]d2, or a GTIN");
}

}  // namespace

Result<Gs1Inspection> InspectGs1(std::string_view input,
                                 const gs1::CompanyPrefixLengths& prefixes) {
  while (!input.empty() && (input.back() == '\n' || input.back() == '\r' || input.back() == ' ')) {
    input.remove_suffix(1);
  }
  if (input.empty()) return Status::InvalidArgument("nothing to parse: the input is empty");
  Gs1Inspection out;
  if (StartsWith(input, "urn:epc:")) {
    TXNG_ASSIGN_OR_RETURN(gs1::EpcUri epc, gs1::ParseEpcUri(input));
    TXNG_ASSIGN_OR_RETURN(out.ais, gs1::EpcUriToAis(epc));
    out.epc_uri = gs1::FormatEpcUri(epc);
  } else if (StartsWith(input, "]")) {
    TXNG_ASSIGN_OR_RETURN(gs1::ScanData scan, gs1::ProcessScanData(input, {}));
    TXNG_ASSIGN_OR_RETURN(out.ais, ParseAis(scan.data, &out.other_query_params));
  } else {
    TXNG_ASSIGN_OR_RETURN(out.ais, ParseAis(input, &out.other_query_params));
  }
  if (out.epc_uri.empty()) {
    if (auto epc = gs1::AisToEpcUri(out.ais, prefixes); epc.ok()) {
      out.epc_uri = gs1::FormatEpcUri(*epc);
    }
  }
  out.element_string = gs1::ToBracketed(out.ais);
  auto link = gs1::ToDigitalLink(out.ais, "https://id.gs1.org", LenientLinkOptions());
  if (link.ok()) out.digital_link = *link;
  return out;
}

Result<gs1::CompanyPrefixLengths> RegisteredCompanyPrefixes(Store& store) {
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> registered, store.ListCompanyPrefixes());
  gs1::CompanyPrefixLengths prefixes;
  for (const std::string& prefix : registered) {
    // A shorter or malformed prefix still names its organisation; it only
    // cannot split an EPC URI.
    (void)prefixes.Add(prefix);
  }
  return prefixes;
}

std::string Gs1InspectionJson(const Result<Gs1Inspection>& r) {
  using nlohmann::json;
  if (!r.ok()) return json{{"valid", false}, {"error", r.status().message()}}.dump();
  json ais = json::array();
  for (const gs1::AiValue& a : r->ais) {
    const gs1::AiEntry* entry = gs1::FindAi(a.ai);
    ais.push_back({{"ai", a.ai},
                   {"title", entry ? std::string(entry->title) : std::string()},
                   {"value", a.value}});
  }
  json doc = {{"valid", true}, {"elementString", r->element_string}};
  doc["digitalLink"] = r->digital_link.empty() ? json(nullptr) : json(r->digital_link);
  if (!r->epc_uri.empty()) doc["epcUri"] = r->epc_uri;
  doc["ais"] = std::move(ais);
  if (!r->other_query_params.empty()) doc["otherQueryParams"] = r->other_query_params;
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace txng
