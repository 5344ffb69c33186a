// Decoding of EPCIS XML: EPCIS 2.0 documents, and EPCIS 1.x documents (events
// wrapped in <extension>, eventID and errorDeclaration in <baseExtension>,
// quantity and source/destination lists in <extension>). EPCISDocument and
// EPCISQueryDocument; the result is the same model, normalised exactly as
// DecodeJsonDocument normalises JSON-LD, so both give equal events and
// equal hash IDs.
//
// Extension elements become extension members named in Clark notation; an
// element with children becomes an object of its children, a leaf its text
// (an element with attributes: an object of them, its text under "@value");
// sibling elements of the same name become one member holding the array of
// their values; xsi:type and xsi:nil annotations are not data. Values of sensor attributes written
// as QNames of GS1 vocabularies ("gs1:MT-Temperature") are expanded.
//
// Leniency: a query document whose queryName and resultsBody stand straight
// under the root, without EPCISBody/QueryResults, is read as if wrapped.
//
// Security: a DOCTYPE is skipped, never processed. pugixml fetches no
// external DTD or entity and expands only XML's five predefined entities and
// character references, so a document can neither read files or URLs (XXE)
// nor blow up through nested entities ("billion laughs"): an entity it
// declares stays an unexpanded "&name;" in the text.
#ifndef TXNG_EPCIS_XML_DECODE_H_
#define TXNG_EPCIS_XML_DECODE_H_

#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/event_error.h"
#include "epcis/model.h"

namespace txng::epcis {

// Errors are ValidationErrors (validation.h) whose pointer is an XPath such
// as "/EPCISDocument/EPCISBody/EventList/*[2]/epcList/epc[1]".
Result<Document> DecodeXmlDocument(std::string_view text);

// As DecodeXmlDocument, except that an event that breaks a rule is left out
// of the document and reported in `rejected` (GS1-Capture-Error-Behaviour:
// proceed); errors outside the events still fail the whole document.
Result<Document> DecodeXmlDocument(std::string_view text, std::vector<EventError>* rejected);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_XML_DECODE_H_
