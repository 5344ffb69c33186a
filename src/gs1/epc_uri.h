// EPC URIs of the GS1 EPC Tag Data Standard (TDS 2.x): pure identities
// ("urn:epc:id:sgtin:0614141.812345.6789"), classes
// ("urn:epc:class:lgtin:4012345.012345.998877") and identity patterns
// ("urn:epc:idpat:sgtin:0614141.812345.*"), and their conversion to and from
// GS1 Application Identifiers and Digital Link URIs.
//
// An EPC URI splits a GS1 key into company prefix and reference; the split
// is not in the key itself, so converting AIs to an EPC URI needs the length
// of the company prefix, given explicitly or found in CompanyPrefixLengths.
#ifndef TXNG_GS1_EPC_URI_H_
#define TXNG_GS1_EPC_URI_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

enum class EpcUriKind { kId, kClass, kPattern };

// A parsed EPC URI. Schemes: sgtin, sscc, sgln, grai, giai, gsrn, gsrnp,
// gdti, sgcn, cpi, ginc, gsin, itip (kId and kPattern) and lgtin (kClass).
struct EpcUri {
  EpcUriKind kind = EpcUriKind::kId;
  std::string scheme;
  // The dot-separated fields, company prefix first, with percent-escapes
  // decoded. In a pattern, fields from index `concrete_fields` on are the
  // wildcard "*"; elsewhere `concrete_fields == fields.size()`.
  std::vector<std::string> fields;
  std::size_t concrete_fields = 0;

  bool operator==(const EpcUri&) const = default;
};

// Parses and validates `uri`: digits where TDS requires digits, a company
// prefix of 6 to 12 digits, the total length of prefix and reference per
// scheme, serials and lots of GS1 character set 82 with TDS escapes
// (%22 %25 %26 %2F %3C %3E %3F) decoded. Errors start with the URI's prefix
// and scheme and name the field and the rule, e.g. "urn:epc:id:sgtin:
// company prefix and item reference must have 13 digits together, got 12".
Result<EpcUri> ParseEpcUri(std::string_view uri);

// The URI text of `epc` (as returned by ParseEpcUri), with the characters
// TDS requires escaped.
std::string FormatEpcUri(const EpcUri& epc);

// The GS1 AIs of an identity or class, check digits computed, e.g. sgtin ->
// (01)(21), lgtin -> (01)(10), sgln -> (414) and (254) when it has an
// extension, validated as AIs. Fails for patterns, which name no single
// object, and for URIs whose fields TDS allows but the AIs do not (a cpi
// serial with a leading zero).
Result<std::vector<AiValue>> EpcUriToAis(const EpcUri& epc);

// The canonical GS1 Digital Link URI of `epc` under `stem`
// ("https://id.gs1.org" when empty).
Result<std::string> EpcUriToDigitalLink(const EpcUri& epc, std::string_view stem = {});

// Company prefixes an organisation has registered, for finding the prefix
// length of a key.
class CompanyPrefixLengths {
 public:
  // Registers `prefix`, which must be 6 to 12 digits.
  Status Add(std::string_view prefix);

  // The length of the longest registered prefix that `digits` starts with;
  // nullopt when none matches.
  std::optional<int> LengthFor(std::string_view digits) const;

 private:
  std::vector<std::string> prefixes_;
};

// The EPC URI of the AIs (validated here): (01)+(21) sgtin, (01)+(10)
// lgtin, (8006)+(21) itip, (00) sscc, (414) sgln with (254), (8003) grai,
// (8004) giai, (8018) gsrn, (8017) gsrnp, (253) gdti, (255) sgcn,
// (8010)+(8011) cpi, (401) ginc, (402) gsin; the first key in that order
// wins. `company_prefix_length` is the length of the key's company prefix.
Result<EpcUri> AisToEpcUri(const std::vector<AiValue>& ais, int company_prefix_length);

// As above, with the prefix length found in `lengths`; fails when no
// registered prefix matches rather than guessing.
Result<EpcUri> AisToEpcUri(const std::vector<AiValue>& ais, const CompanyPrefixLengths& lengths);

// The EPC URI of a GS1 Digital Link URI's AIs (query attributes included).
Result<EpcUri> DigitalLinkToEpcUri(std::string_view uri, int company_prefix_length);
Result<EpcUri> DigitalLinkToEpcUri(std::string_view uri, const CompanyPrefixLengths& lengths);

}  // namespace txng::gs1

#endif  // TXNG_GS1_EPC_URI_H_
