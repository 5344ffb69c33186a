// Decoding of EPCIS 2.0 JSON-LD: EPCISDocument (epcisBody.eventList),
// EPCISQueryDocument (epcisBody.queryResults.resultsBody.eventList) and a
// bare event, with the full or the simple standard @context plus namespace
// prefixes the document declares.
//
// Input is normalised to the internal form of model.h: CURIEs of declared
// namespaces are expanded in member names (Clark notation) and in CBV-typed
// values; bare CBV words, CBV URNs and Web URIs become Web URIs; EPC URNs
// and Digital Link URIs become canonical Digital Link URIs. Every event is
// then checked with ValidateEvent. The first error is returned as a
// ValidationError (validation.h) naming the event, the JSON pointer and the
// rule; nothing is decoded partially.
#ifndef TXNG_EPCIS_JSON_DECODE_H_
#define TXNG_EPCIS_JSON_DECODE_H_

#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/event_error.h"
#include "epcis/model.h"

namespace txng::epcis {

Result<Document> DecodeJsonDocument(std::string_view text);
// The same for JSON already parsed (member order is kept: extensions come
// out in document order).
Result<Document> DecodeJsonValue(const nlohmann::ordered_json& json);

// As DecodeJsonDocument, except that an event that breaks a rule is left out
// of the document and reported in `rejected` (GS1-Capture-Error-Behaviour:
// proceed); errors outside the events still fail the whole document.
Result<Document> DecodeJsonDocument(std::string_view text, std::vector<EventError>* rejected);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_JSON_DECODE_H_
