// The CBV 2.0 event hash ID, "ni:///sha-256;<hex>?ver=CBV2.0": SHA-256 of a
// canonical pre-hash string that is the same for an event written in JSON-LD
// or XML, with any field order, EPC URNs or Digital Link URIs, CBV words,
// URNs or Web URIs, and timestamps in any zone or precision.
//
// The pre-hash string is "eventType=<type>" followed by the fields in this
// fixed order, each present one as name=value (lists as the list name then
// their elements): eventTime (UTC, milliseconds), eventTimeZoneOffset,
// certificationInfo, epcList, parentID, inputEPCList, childEPCs, quantityList,
// childQuantityList, inputQuantityList, outputEPCList, outputQuantityList,
// action, transformationID, bizStep, disposition, persistentDisposition
// (set, unset), readPoint, bizLocation, sensorElementList (sensorMetadata
// and sensorReport fields in their standard order, then their extensions);
// then, sorted together as strings, bizTransactionList, sourceList,
// destinationList, ilmd, the fields of sensor reports outside that order
// (bizRules, as a sensorElementList of their own) and the event's
// extensions.
// Elements of every list are sorted. Identifiers are canonical Digital Link
// URIs, CBV values Web URIs, and every value that reads as a decimal number
// is written as that number (a double) without superfluous zeros. eventID,
// recordTime, errorDeclaration and rdfs:comment do not take part, nor the
// extension members a document names in an "ignoreFields" member.
#ifndef TXNG_EPCIS_EVENT_HASH_H_
#define TXNG_EPCIS_EVENT_HASH_H_

#include <string>
#include <vector>

#include "epcis/model.h"

namespace txng::epcis {

struct EventHashOptions {
  // Clark names of top-level extension members left out of the hash.
  std::vector<std::string> ignored_fields;
};

// The options `document` asks for: the names its "ignoreFields" members list.
EventHashOptions HashOptionsOf(const Document& document);

// The canonical pre-hash string of `event` (decoded, so in internal form).
std::string EventPreHashString(const Event& event, const EventHashOptions& options = {});

// "ni:///sha-256;<64 hex digits>?ver=CBV2.0".
std::string EventHashId(const Event& event, const EventHashOptions& options = {});

// Formats a number as the pre-hash string does: integral values without a
// fraction ("26", not "26.0"), others in the shortest form that reads back
// the same, with an exponent only below 1e-4 or from 1e16 on ("0.005",
// "1e-05").
std::string CanonicalNumber(double value);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_EVENT_HASH_H_
