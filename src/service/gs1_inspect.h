// What a piece of GS1 data says, whatever form it was typed, pasted or
// scanned in: the answer of `txng gs1 parse` and GET /api/v1/gs1/parse.
#ifndef TXNG_SERVICE_GS1_INSPECT_H_
#define TXNG_SERVICE_GS1_INSPECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/ai_value.h"
#include "gs1/epc_uri.h"
#include "store/store.h"

namespace txng {

struct Gs1Inspection {
  std::vector<gs1::AiValue> ais;  // in the order given
  std::string element_string;     // bracketed, in the order given
  std::string digital_link;       // canonical, under https://id.gs1.org; empty without a key
  std::string epc_uri;            // EPC URI when derivable (see InspectGs1); else empty
  std::vector<std::string> other_query_params;  // Digital Link: e.g. "linkType=gs1:pip"
};

// Recognises and validates `input`:
//   ]C1… ]d2… ]Q3… ]e0… ]E0…   scanner data with a symbology identifier
//   (01)…(10)…                 a bracketed element string
//   ^01…  or with GS (0x1D)    an element string, FNC1 written '^'
//   http(s)://…                a GS1 Digital Link URI (GTIN-8/12/13 accepted)
//   urn:epc:id:… urn:epc:class:lgtin:…   an EPC pure-identity or class URI
//   8, 12, 13 or 14 digits     a GTIN
// Errors say which AI, where, and which rule, as the gs1 layer words them.
// The EPC URI of other forms needs the length of the key's company prefix,
// found in `prefixes` (e.g. the organisations' registered prefixes); without
// a match there is none, which is not an error.
Result<Gs1Inspection> InspectGs1(std::string_view input,
                                 const gs1::CompanyPrefixLengths& prefixes = {});

// The organisations' registered GS1 company prefixes, for InspectGs1.
// Prefixes an EPC URI cannot split on (not 6 to 12 digits) are left out.
Result<gs1::CompanyPrefixLengths> RegisteredCompanyPrefixes(Store& store);

// The JSON document of an inspection: {"valid": true, "elementString",
// "digitalLink", "epcUri" (when derivable), "ais": [{"ai", "title", "value"}],
// "otherQueryParams"}
// or {"valid": false, "error": "…"}.
std::string Gs1InspectionJson(const Result<Gs1Inspection>& r);

}  // namespace txng

#endif  // TXNG_SERVICE_GS1_INSPECT_H_
