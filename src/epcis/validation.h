// Validation of EPCIS events beyond what the JSON schema checks, and the one
// shape of a validation error.
#ifndef TXNG_EPCIS_VALIDATION_H_
#define TXNG_EPCIS_VALIDATION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "epcis/model.h"

namespace txng::epcis {

// Rule names carried in validation errors (stable: tests and API clients
// match on them).
namespace rule {
inline constexpr std::string_view kSyntax = "syntax";               // malformed JSON / XML
inline constexpr std::string_view kType = "type";                   // wrong JSON type
inline constexpr std::string_view kRequired = "required";           // missing field
inline constexpr std::string_view kNotAllowed = "not-allowed";      // field not of this event type
inline constexpr std::string_view kUnknownField = "unknown-field";  // not standard, no namespace
inline constexpr std::string_view kNamespace = "namespace";         // undeclared CURIE prefix
inline constexpr std::string_view kEventType = "event-type";        // unknown event type
inline constexpr std::string_view kAction = "action";               // not ADD/OBSERVE/DELETE
inline constexpr std::string_view kTimestamp = "timestamp";         // not an xsd:dateTime with zone
inline constexpr std::string_view kTimeZoneOffset = "time-zone-offset";  // not ±hh:mm
inline constexpr std::string_view kGs1Key = "gs1-key";                   // check digit, AI rules
inline constexpr std::string_view kCbv = "cbv";            // not a CBV value nor a URI
inline constexpr std::string_view kIlmd = "ilmd";          // ilmd without action ADD
inline constexpr std::string_view kSensor = "sensor";      // sensor report rules
inline constexpr std::string_view kQuantity = "quantity";  // quantity rules
}  // namespace rule

// The Status of a validation failure: kInvalidArgument, field() = the JSON
// pointer (or XPath) of the offending value, message
// "event 2 at /epcisBody/eventList/2/epcList/0: [gs1-key] …" (without
// "event N" when the error is not inside an event).
Status ValidationError(std::optional<std::size_t> event_index, std::string pointer,
                       std::string_view rule_name, std::string_view detail);

// Checks the rules of EPCIS 2.0 that concern a whole event: the fields each
// event type allows (e.g. no epcList in an AggregationEvent) and requires
// (action in all but TransformationEvent, parentID in AssociationEvent,
// bizTransactionList in TransactionEvent, eventTime and eventTimeZoneOffset
// everywhere), well-formed timestamps and time zone offsets, ilmd only with
// action ADD (ObjectEvent) or in a TransformationEvent, quantities not
// negative and a uom only beside a quantity, sources and destinations with
// a type, sensor elements with at least one report, each with a type or an
// exception, a hexBinaryValue of hex digits and a percRank within 0..100, an
// errorDeclaration with a declarationTime. `pointer` is the JSON pointer (or
// XPath) of the event, used in the error.
Status ValidateEvent(const Event& event, std::size_t event_index, const std::string& pointer);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_VALIDATION_H_
