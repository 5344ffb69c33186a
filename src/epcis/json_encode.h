// Encoding of the model as EPCIS 2.0 JSON-LD with the standard @context.
//
// CBV values are written as the bare words the standard context defines
// (values of one's own as their URIs), identifiers as canonical Digital Link
// URIs or, on request, as EPC URNs, extension members with the prefixes the
// document declared (new ones, "ext1", "ext2", …, for namespaces without a
// prefix). DecodeJsonDocument of the output gives back equal events.
#ifndef TXNG_EPCIS_JSON_ENCODE_H_
#define TXNG_EPCIS_JSON_ENCODE_H_

#include <nlohmann/json.hpp>

#include "epcis/identifiers.h"
#include "epcis/model.h"
#include "gs1/epc_uri.h"

namespace txng::epcis {

struct JsonEncodeOptions {
  // The form of identifiers (the GS1-EPC-Format header of EPCIS 2.0 REST).
  EpcFormat epc_format = EpcFormat::kDigitalLink;
  // Company prefixes for EPC URN output; identifiers of other prefixes stay
  // Digital Link URIs.
  gs1::CompanyPrefixLengths prefixes;
};

// The standard context's URL, written first in every @context.
inline constexpr std::string_view kEpcisContextUrl =
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

// `document` as JSON-LD, members in the order of the standard's examples.
nlohmann::ordered_json EncodeJsonDocument(const Document& document,
                                          const JsonEncodeOptions& options = {});

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_JSON_ENCODE_H_
