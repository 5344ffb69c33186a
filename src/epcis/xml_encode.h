// Encoding of the model as EPCIS 2.0 XML (urn:epcglobal:epcis:xsd:2; query
// documents in urn:epcglobal:epcis-query:xsd:2), fields in the order of the
// EPCIS 2.0 XML schema. DecodeXmlDocument of the output gives back equal
// events.
//
// Extension members become elements in their namespaces (prefixes as the
// document declared them, "ext1", "ext2", … for others; all declared on the
// root); arrays become repeated elements, objects nested elements, "@value"
// the text beside attributes. Not written: an epcisHeader that did not come
// from XML, and document-level members without a namespace (XML has no
// place for them outside the header).
#ifndef TXNG_EPCIS_XML_ENCODE_H_
#define TXNG_EPCIS_XML_ENCODE_H_

#include <string>

#include "epcis/identifiers.h"
#include "epcis/model.h"
#include "gs1/epc_uri.h"

namespace txng::epcis {

// The spelling of CBV values (the GS1-CBV-XML-Format header of EPCIS 2.0
// REST): Web URIs, or the CBV URNs that EPCIS 1.x XML readers expect.
enum class CbvFormat { kWebUri, kUrn };

struct XmlEncodeOptions {
  EpcFormat epc_format = EpcFormat::kDigitalLink;
  // Company prefixes for EPC URN output (see JsonEncodeOptions).
  gs1::CompanyPrefixLengths prefixes;
  CbvFormat cbv_format = CbvFormat::kWebUri;
};

// The XML text of `document`, with an XML declaration, indented.
std::string EncodeXmlDocument(const Document& document, const XmlEncodeOptions& options = {});

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_XML_ENCODE_H_
