// EPCIS events as the store keeps them, and the questions it answers about
// them. Values are in the epcis layer's internal form (model.h): identifiers
// as canonical Digital Link URIs (or other URIs as given), CBV values as Web
// URIs; the caller normalises query values the same way.
#ifndef TXNG_STORE_EVENTS_H_
#define TXNG_STORE_EVENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "epcis/master_data.h"
#include "epcis/model.h"
#include "store/model.h"

namespace txng {

// An event to capture: the validated event and its CBV 2.0 hash ID (which
// depends on document-level options, so the caller computes it).
struct NewEvent {
  epcis::Event event;
  std::string hash_id;
};

struct StoredEvent {
  int64_t id = 0;       // capture order
  epcis::Event event;   // record_time set by the store at capture
  std::string hash_id;  // CBV 2.0 event hash ID
  int64_t org_id = 0;   // the organisation that captured it
  ReviewStatus review_status = ReviewStatus::kPending;
  // When a later event declared this one erroneous (its declarationTime).
  std::optional<UnixMillis> declared_in_error_at;
};

enum class CaptureResult {
  kStored,     // new event
  kDuplicate,  // its eventID (or, without one, its hash) was already stored: nothing new
};

struct CapturedEvent {
  int64_t id = 0;  // the stored row, new or already there
  CaptureResult result = CaptureResult::kStored;
};

// Who captures, and the review status the events start with.
struct CaptureContext {
  int64_t org_id = 0;
  ReviewStatus review_status = ReviewStatus::kPending;
  // The document's master data (epcis/master_data.h), stored for org_id in
  // the same transaction as the events.
  std::vector<epcis::VocabularyElement> master_data;
};

// A MATCH_* value: an exact identifier, or (is_pattern) every identifier
// that `value` describes, '*' standing for any text and '?' for any one
// character (canonical Digital Link URIs contain neither), e.g.
// "https://id.gs1.org/01/08930001000018/21/*" for all serials of one GTIN.
struct IdMatch {
  std::string value;
  bool is_pattern = false;

  bool operator==(const IdMatch&) const = default;
};

// EQ_bizTransaction_type, EQ_source_type, EQ_destination_type: an entry of
// that list with that type and one of `values` as its identifier.
struct LinkMatch {
  enum class Kind { kBizTransaction, kSource, kDestination };
  Kind kind = Kind::kBizTransaction;
  std::string type;
  std::vector<std::string> values;

  bool operator==(const LinkMatch&) const = default;
};

// A comparison of one numeric sensorReport attribute (GE_value_CEL=2,
// EQ_value_KGM=1|2, LT_percRank=90, ...). `uom` is the UN/ECE Rec 20 code
// named by the parameter (empty for percRank, which has no unit); a report
// matches when its own uom is `uom`, or when both convert to the same SI unit
// (sensor_units.h) and the values compare so after conversion.
struct SensorValueCondition {
  enum class Field { kValue, kMinValue, kMaxValue, kMeanValue, kSDev, kPercValue, kPercRank };
  enum class Op { kEq, kGt, kGe, kLt, kLe };
  Field field = Field::kValue;
  Op op = Op::kEq;
  std::string uom;
  std::vector<double> values;  // kEq: any of them; the others: exactly one

  bool operator==(const SensorValueCondition&) const = default;
};

// The sensor query parameters (EPCIS 2.0 sensorElementList). All of them
// must hold for one and the same sensorReport (with its element's
// sensorMetadata), not each for a report of its own. A report's own time,
// deviceID, dataProcessingMethod and bizRules stand in for its metadata's.
struct SensorQuery {
  bool exists = false;                                     // EXISTS_sensorElementList
  std::optional<UnixMillis> ge_time, lt_time;              // GE_time, LT_time
  std::optional<UnixMillis> ge_start_time, lt_start_time;  // GE_startTime, LT_startTime
  std::optional<UnixMillis> ge_end_time, lt_end_time;      // GE_endTime, LT_endTime
  std::vector<std::string> types;                          // EQ_type
  std::vector<std::string> device_ids;                     // EQ_deviceID
  std::vector<std::string> data_processing_methods;        // EQ_dataProcessingMethod
  std::vector<std::string> microorganisms;                 // EQ_microorganism
  std::vector<std::string> chemical_substances;            // EQ_chemicalSubstance
  std::vector<std::string> biz_rules;                      // EQ_bizRules
  std::vector<std::string> string_values;                  // EQ_stringValue
  std::vector<std::string> hex_binary_values;              // EQ_hexBinaryValue, upper case
  std::vector<std::string> uri_values;                     // EQ_uriValue
  std::optional<bool> boolean_value;                       // EQ_booleanValue
  std::vector<SensorValueCondition> values;                // all must hold

  bool operator==(const SensorQuery&) const = default;
};

// HASATTR_<field> (any of `values` names an attribute the field's master
// data has) or EQATTR_<field>_<attribute> (the field's master data has
// `attribute` with one of `values`), for the readPoint or bizLocation field.
struct AttributeMatch {
  enum class Field { kReadPoint, kBizLocation };
  Field field = Field::kReadPoint;
  std::string attribute;  // EQATTR_; empty for HASATTR_
  std::vector<std::string> values;

  bool operator==(const AttributeMatch&) const = default;
};

// The query parameters answered from stored master data: WD_ ("with
// descendants": the named locations and every location below them through
// the children of BusinessLocation and ReadPoint elements, any
// organisation's) and the attribute parameters.
struct MasterDataQuery {
  std::vector<std::string> wd_read_points;    // WD_readPoint
  std::vector<std::string> wd_biz_locations;  // WD_bizLocation
  std::vector<AttributeMatch> attributes;     // all must hold

  bool operator==(const MasterDataQuery&) const = default;
};

// Persistent dispositions, quantities, error declarations and extension
// fields: the conditions of EventQuery's second group, answered from
// epcis_event_fields (filled by store_events.cc) and epcis_event_quantities.
enum class Comparison { kEq, kGt, kGe, kLt, kLe };

// EQ_quantity … LE_quantity: the quantity of a quantity element (of any
// list) compared with `value`.
struct QuantityBound {
  Comparison op = Comparison::kEq;
  double value = 0;

  bool operator==(const QuantityBound&) const = default;
};

// A value as the field conditions compare it: as a number when its text is
// one, as a time (UTC ms) when it is a date-time with a zone, else as text.
// Stored values are typed the same way at capture.
struct FieldValue {
  std::string text;
  std::optional<double> number;
  std::optional<UnixMillis> time;

  bool operator==(const FieldValue&) const = default;
};
FieldValue TypedFieldValue(std::string text);

// The full name queries give an extension member of Clark name `clark`
// ("{namespace IRI}local"): the namespace IRI, then '#' unless the IRI ends
// in '/', '#' or ':', then the local name. A name without a namespace (an
// ILMD member may have one) stays as it is.
std::string ExtensionFieldName(std::string_view clark);

// EQ_/GT_/GE_/LT_/LE_/EXISTS_ on an extension field: of the event, of its
// ilmd (ILMD_), of its errorDeclaration (ERROR_DECLARATION_), and with
// `nested` (INNER_) a member inside an extension field's value at any depth.
struct FieldMatch {
  enum class Scope { kEvent, kIlmd, kErrorDeclaration };
  Scope scope = Scope::kEvent;
  bool nested = false;
  std::string name;                // ExtensionFieldName
  std::optional<Comparison> op;    // nullopt: the field exists (EXISTS_)
  std::vector<FieldValue> values;  // kEq: alternatives; other comparisons: one

  bool operator==(const FieldMatch&) const = default;
};

// kField: by a top-level extension field of the event (EventQuery::
// order_field). An event's sort key is the least number or time among the
// field's values, then the least text (byte order): events whose field has
// no number or time come after those with one, events without it last.
enum class EventOrder { kCapture, kEventTime, kRecordTime, kField };

// The sort key of an event under kField: the number (a time as UTC ms;
// 1e307 when the field has neither, 1e308 when the event lacks it) and the
// text ("" when none).
struct FieldSortKey {
  double number = 0;
  std::string text;
};

// Where the previous page ended: the sort value and id of its last event.
struct EventCursor {
  int64_t sort_value = 0;  // id, event time or record time, per the order
  int64_t id = 0;
  std::optional<FieldSortKey> field;  // kField instead of sort_value
};

// The standard EPCIS 2.0 query parameters that the store answers. Every set
// member narrows the answer (AND); the values of one member are
// alternatives (OR). Times are UTC milliseconds.
struct EventQuery {
  std::vector<epcis::EventType> event_types;  // eventType
  std::optional<UnixMillis> ge_event_time, lt_event_time;
  std::optional<UnixMillis> ge_record_time, lt_record_time;
  std::vector<epcis::Action> actions;           // EQ_action
  std::vector<std::string> biz_steps;           // EQ_bizStep
  std::vector<std::string> dispositions;        // EQ_disposition
  std::vector<std::string> read_points;         // EQ_readPoint
  std::vector<std::string> biz_locations;       // EQ_bizLocation
  std::vector<std::string> transformation_ids;  // EQ_transformationID
  std::vector<std::string> event_ids;           // EQ_eventID
  std::vector<IdMatch> match_epc;               // MATCH_epc: epcList, childEPCs
  std::vector<IdMatch> match_parent_id;         // MATCH_parentID
  std::vector<IdMatch> match_input_epc;         // MATCH_inputEPC
  std::vector<IdMatch> match_output_epc;        // MATCH_outputEPC
  std::vector<IdMatch> match_any_epc;           // MATCH_anyEPC: any role
  std::vector<IdMatch> match_epc_class;         // MATCH_epcClass: quantityList, childQuantityList
  std::vector<IdMatch> match_input_epc_class;   // MATCH_inputEPCClass
  std::vector<IdMatch> match_output_epc_class;  // MATCH_outputEPCClass
  std::vector<IdMatch> match_any_epc_class;     // MATCH_anyEPCClass
  std::vector<LinkMatch> link_matches;          // all must hold
  SensorQuery sensor;                           // the sensor parameters
  MasterDataQuery master_data;                  // WD_, HASATTR_, EQATTR_

  // Second group (see Comparison). An error declaration is a captured event
  // of its own (declares_error): these conditions find the declarations,
  // not the events they declare erroneous (StoredEvent::declared_in_error_at).
  std::vector<std::string> persistent_disposition_set;    // EQ_persistentDisposition_set
  std::vector<std::string> persistent_disposition_unset;  // EQ_persistentDisposition_unset
  std::vector<QuantityBound> quantity_bounds;             // *_quantity: one quantity meets all
  bool error_declaration = false;                         // EXISTS_errorDeclaration
  std::optional<UnixMillis> ge_error_declaration_time, lt_error_declaration_time;
  std::vector<std::string> error_reasons;         // EQ_errorReason
  std::vector<std::string> corrective_event_ids;  // EQ_correctiveEventID
  std::vector<FieldMatch> field_matches;          // all must hold

  // Who asks: unset answers every event (administrators, reviewers, the
  // command line); set answers approved events and the organisation's own.
  std::optional<int64_t> visible_to_org;
  // Anonymous callers: approved events only.
  bool approved_only = false;

  EventOrder order = EventOrder::kCapture;
  std::string order_field;  // kField: ExtensionFieldName of an event's extension
  bool descending = false;
  int limit = 100;  // 1..10000
  std::optional<EventCursor> after;
};

struct EventPage {
  std::vector<StoredEvent> events;
  // Set when more events may follow: pass it as EventQuery::after.
  std::optional<EventCursor> next;
};

// An asynchronous capture (POST /epcis/capture) and what became of it.
struct CaptureJob {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string actor;     // Actor::label of who submitted it
  bool proceed = false;  // GS1-Capture-Error-Behaviour: proceed (else rollback)
  bool running = true;
  bool success = true;  // false once any error occurred
  int64_t event_count = 0;
  int64_t stored = 0;
  int64_t duplicates = 0;
  std::string errors = "[]";  // JSON array of {"eventIndex", "detail", "pointer"}
  UnixMillis created_at = 0;
  std::optional<UnixMillis> finished_at;
};

}  // namespace txng

#endif  // TXNG_STORE_EVENTS_H_
