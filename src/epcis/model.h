// The EPCIS 2.0 event model: the five event types and every standard field,
// kept losslessly, plus namespaced extensions.
//
// Conventions (the "internal form" the codecs produce and consume):
// - Identifiers (EPCs, EPC classes, parent IDs, locations, bizTransaction,
//   source and destination IDs) are kept as written after normalisation by
//   identifiers.h: GS1 keys become canonical Digital Link URIs under
//   https://id.gs1.org; other URIs stay as they are.
// - CBV values (bizStep, disposition, bizTransaction / source / destination
//   types, error reasons) are CBV Web URIs ("https://ref.gs1.org/cbv/
//   BizStep-shipping"); values outside the CBV are kept as the URI given.
// - Timestamps are kept as written (validated); event_hash.h and the query
//   layer normalise them to UTC when they need to.
// - Extension members are named in Clark notation, "{namespace IRI}local"
//   (e.g. "{https://ns.example.com/epcis/}myField"), also inside extension
//   values; a member whose name has no namespace keeps its plain name.
#ifndef TXNG_EPCIS_MODEL_H_
#define TXNG_EPCIS_MODEL_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace txng::epcis {

enum class EventType { kObject, kAggregation, kTransaction, kTransformation, kAssociation };

// "ObjectEvent", "AggregationEvent", ...
std::string_view EventTypeName(EventType type);
std::optional<EventType> EventTypeFromName(std::string_view name);

enum class Action { kNone, kAdd, kObserve, kDelete };

// "ADD", "OBSERVE", "DELETE"; empty for kNone.
std::string_view ActionName(Action action);
std::optional<Action> ActionFromName(std::string_view name);

// One extension member: a Clark-notation name and its JSON value (string,
// number, boolean, object of further members, or array of values).
struct Extension {
  std::string name;
  nlohmann::json value;

  bool operator==(const Extension&) const = default;
};
using Extensions = std::vector<Extension>;

struct QuantityElement {
  std::string epc_class;
  std::optional<double> quantity;
  std::string uom;  // UN/ECE Rec 20 code; empty when absent

  bool operator==(const QuantityElement&) const = default;
};

// readPoint and bizLocation.
struct Location {
  std::string id;
  Extensions extensions;

  bool operator==(const Location&) const = default;
};

// A bizTransaction, source or destination: a type (may be empty for a
// bizTransaction) and an identifier.
struct TypedId {
  std::string type;
  std::string id;

  bool operator==(const TypedId&) const = default;
};

struct PersistentDisposition {
  std::vector<std::string> set;
  std::vector<std::string> unset;

  bool operator==(const PersistentDisposition&) const = default;
};

struct ErrorDeclaration {
  std::string declaration_time;
  std::string reason;  // empty when absent
  std::vector<std::string> corrective_event_ids;
  Extensions extensions;

  bool operator==(const ErrorDeclaration&) const = default;
};

// Absent string fields are empty; absent numbers are nullopt.
struct SensorMetadata {
  std::string time, start_time, end_time;
  std::string device_id, device_metadata, raw_data, data_processing_method, biz_rules;
  Extensions extensions;

  bool operator==(const SensorMetadata&) const = default;
};

struct SensorReport {
  std::string type, exception;
  std::string device_id, device_metadata, raw_data, data_processing_method, biz_rules;
  std::string time, microorganism, chemical_substance, coordinate_reference_system;
  std::optional<double> value;
  std::string component, string_value;
  std::optional<bool> boolean_value;
  std::string hex_binary_value, uri_value;
  std::optional<double> min_value, max_value, mean_value, s_dev, perc_rank, perc_value;
  std::string uom;
  Extensions extensions;

  bool operator==(const SensorReport&) const = default;
};

struct SensorElement {
  std::optional<SensorMetadata> metadata;
  std::vector<SensorReport> reports;
  Extensions extensions;

  bool operator==(const SensorElement&) const = default;
};

// One event of any type. Fields that a type does not have stay empty (the
// validator rejects them); empty strings and lists mean "absent".
struct Event {
  EventType type = EventType::kObject;
  std::string event_id;
  std::string event_time;
  std::string event_time_zone_offset;
  std::string record_time;
  std::vector<std::string> certification_info;
  std::optional<ErrorDeclaration> error_declaration;

  // What.
  std::string parent_id;                // Aggregation, Transaction, Association
  std::vector<std::string> epc_list;    // Object, Transaction
  std::vector<std::string> child_epcs;  // Aggregation, Association
  std::vector<std::string> input_epc_list, output_epc_list;  // Transformation
  std::vector<QuantityElement> quantity_list;                // Object, Transaction
  std::vector<QuantityElement> child_quantity_list;          // Aggregation, Association
  std::vector<QuantityElement> input_quantity_list, output_quantity_list;  // Transformation
  Action action = Action::kNone;                                           // all but Transformation
  std::string transformation_id;                                           // Transformation

  // Why, where.
  std::string biz_step;
  std::string disposition;
  std::optional<PersistentDisposition> persistent_disposition;
  std::optional<Location> read_point;
  std::optional<Location> biz_location;
  std::vector<TypedId> biz_transactions;
  std::vector<TypedId> sources;
  std::vector<TypedId> destinations;
  std::vector<SensorElement> sensor_elements;
  // Instance/lot master data: all members are extensions (CBV master data
  // attributes are in the "urn:epcglobal:cbv:mda:" namespace).
  std::optional<Extensions> ilmd;

  Extensions extensions;

  bool operator==(const Event&) const = default;
};

enum class DocumentKind { kDocument, kQueryDocument, kSingleEvent };

// An EPCISDocument, an EPCISQueryDocument, or a bare event.
struct Document {
  DocumentKind kind = DocumentKind::kDocument;
  std::string id;
  std::string schema_version;
  std::string creation_date;
  // epcisHeader as given (master data, SBDH), with CURIEs left as written.
  nlohmann::json header;
  // Query documents: the query's name and subscription.
  std::string query_name;
  std::string subscription_id;
  std::vector<Event> events;
  // Namespace prefixes the document declared in its @context (prefix, IRI),
  // beyond those of the standard context; kept so output uses the same
  // CURIEs.
  std::vector<std::pair<std::string, std::string>> namespaces;
  // Document-level members that are not standard fields (SBDH-like "sender",
  // namespaced members such as a repository's "ignoreFields"), Clark names.
  Extensions extensions;

  bool operator==(const Document&) const = default;
};

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_MODEL_H_
