#include "epcis/json_encode.h"

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "epcis/cbv.h"

namespace txng::epcis {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Prefixes of the standard context, which need no declaration.
const std::vector<std::pair<std::string, std::string>>& StandardPrefixes() {
  static const auto* prefixes = new std::vector<std::pair<std::string, std::string>>{
      {"epcis", "https://ref.gs1.org/epcis/"},
      {"cbv", "https://ref.gs1.org/cbv/"},
      {"cbvmda", "urn:epcglobal:cbv:mda:"},
      {"gs1", "https://gs1.org/voc/"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"owl", "http://www.w3.org/2002/07/owl#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"dcterms", "http://purl.org/dc/terms/"}};
  return *prefixes;
}

class Encoder {
 public:
  Encoder(const Document& doc, const JsonEncodeOptions& options) : options_(options) {
    for (const auto& [prefix, iri] : doc.namespaces) Declare(prefix, iri);
  }

  ordered_json Context() const {
    ordered_json context = ordered_json::array({kEpcisContextUrl});
    if (!declared_.empty()) {
      ordered_json prefixes = ordered_json::object();
      for (const auto& [prefix, iri] : declared_) prefixes[prefix] = iri;
      context.push_back(std::move(prefixes));
    }
    return context;
  }

  ordered_json EventJson(const Event& e);
  ordered_json ExtensionValue(const json& value);
  // The CURIE (or plain name) of a Clark name.
  std::string Name(const std::string& clark);
  void AddExtensions(ordered_json& out, const Extensions& extensions) {
    for (const Extension& x : extensions) out[Name(x.name)] = ExtensionValue(x.value);
  }

 private:
  void Declare(const std::string& prefix, const std::string& iri) {
    declared_.emplace_back(prefix, iri);
    prefix_of_.emplace(iri, prefix);
  }
  std::string Id(const std::string& id) const {
    return FormatIdentifier(id, options_.epc_format, options_.prefixes);
  }
  ordered_json Ids(const std::vector<std::string>& ids) const {
    ordered_json out = ordered_json::array();
    for (const std::string& id : ids) out.push_back(Id(id));
    return out;
  }
  // Integral values as JSON integers ("5", not "5.0") while they fit one.
  static ordered_json Number(double value) {
    if (std::fabs(value) < 9e15 && value == std::floor(value)) {
      return static_cast<long long>(value);
    }
    return value;
  }
  ordered_json Quantities(const std::vector<QuantityElement>& list) const {
    ordered_json out = ordered_json::array();
    for (const QuantityElement& q : list) {
      ordered_json item = {{"epcClass", Id(q.epc_class)}};
      if (q.quantity) item["quantity"] = Number(*q.quantity);
      if (!q.uom.empty()) item["uom"] = q.uom;
      out.push_back(std::move(item));
    }
    return out;
  }
  ordered_json LocationJson(const Location& loc) {
    ordered_json out = {{"id", Id(loc.id)}};
    AddExtensions(out, loc.extensions);
    return out;
  }
  ordered_json TypedIds(const std::vector<TypedId>& list, const char* id_member,
                        Vocabulary vocabulary) const {
    ordered_json out = ordered_json::array();
    for (const TypedId& t : list) {
      ordered_json item = ordered_json::object();
      if (!t.type.empty()) item["type"] = CompactVocabulary(vocabulary, t.type);
      item[id_member] = Id(t.id);
      out.push_back(std::move(item));
    }
    return out;
  }
  ordered_json Sensors(const std::vector<SensorElement>& elements);

  const JsonEncodeOptions& options_;
  std::vector<std::pair<std::string, std::string>> declared_;
  std::map<std::string, std::string> prefix_of_;  // IRI -> prefix
  int generated_ = 0;
};

std::string Encoder::Name(const std::string& clark) {
  if (clark.empty() || clark[0] != '{') return clark;
  std::size_t close = clark.find('}');
  std::string iri = clark.substr(1, close - 1);
  std::string local = clark.substr(close + 1);
  if (auto it = prefix_of_.find(iri); it != prefix_of_.end()) return it->second + ":" + local;
  for (const auto& [prefix, standard_iri] : StandardPrefixes()) {
    if (standard_iri == iri) return prefix + ":" + local;
  }
  std::string prefix;
  do {
    prefix = "ext" + std::to_string(++generated_);
  } while ([&] {
    for (const auto& [p, i] : declared_) {
      if (p == prefix) return true;
    }
    return false;
  }());
  Declare(prefix, iri);
  return prefix + ":" + local;
}

ordered_json Encoder::ExtensionValue(const json& value) {
  if (value.is_object()) {
    ordered_json out = ordered_json::object();
    for (const auto& [key, child] : value.items()) out[Name(key)] = ExtensionValue(child);
    return out;
  }
  if (value.is_array()) {
    ordered_json out = ordered_json::array();
    for (const json& item : value) out.push_back(ExtensionValue(item));
    return out;
  }
  return ordered_json::parse(value.dump());
}

ordered_json Encoder::Sensors(const std::vector<SensorElement>& elements) {
  ordered_json out = ordered_json::array();
  auto put = [](ordered_json& o, const char* name, const std::string& value) {
    if (!value.empty()) o[name] = value;
  };
  auto num = [](ordered_json& o, const char* name, const std::optional<double>& value) {
    if (value) o[name] = Number(*value);
  };
  for (const SensorElement& e : elements) {
    ordered_json element = ordered_json::object();
    if (e.metadata) {
      const SensorMetadata& m = *e.metadata;
      ordered_json md = ordered_json::object();
      put(md, "time", m.time);
      put(md, "startTime", m.start_time);
      put(md, "endTime", m.end_time);
      put(md, "deviceID", m.device_id.empty() ? "" : Id(m.device_id));
      put(md, "deviceMetadata", m.device_metadata.empty() ? "" : Id(m.device_metadata));
      put(md, "rawData", m.raw_data.empty() ? "" : Id(m.raw_data));
      put(md, "dataProcessingMethod",
          m.data_processing_method.empty() ? "" : Id(m.data_processing_method));
      put(md, "bizRules", m.biz_rules.empty() ? "" : Id(m.biz_rules));
      AddExtensions(md, m.extensions);
      element["sensorMetadata"] = std::move(md);
    }
    ordered_json reports = ordered_json::array();
    for (const SensorReport& r : e.reports) {
      ordered_json rj = ordered_json::object();
      put(rj, "type", CompactVocabulary(Vocabulary::kMeasurementType, r.type));
      put(rj, "exception", CompactVocabulary(Vocabulary::kSensorAlertType, r.exception));
      put(rj, "deviceID", r.device_id.empty() ? "" : Id(r.device_id));
      put(rj, "deviceMetadata", r.device_metadata.empty() ? "" : Id(r.device_metadata));
      put(rj, "rawData", r.raw_data.empty() ? "" : Id(r.raw_data));
      put(rj, "dataProcessingMethod",
          r.data_processing_method.empty() ? "" : Id(r.data_processing_method));
      put(rj, "bizRules", r.biz_rules.empty() ? "" : Id(r.biz_rules));
      put(rj, "time", r.time);
      put(rj, "microorganism", r.microorganism);
      put(rj, "chemicalSubstance", r.chemical_substance);
      put(rj, "coordinateReferenceSystem", r.coordinate_reference_system);
      num(rj, "value", r.value);
      put(rj, "component", CompactVocabulary(Vocabulary::kSensorComponent, r.component));
      put(rj, "stringValue", r.string_value);
      if (r.boolean_value) rj["booleanValue"] = *r.boolean_value;
      put(rj, "hexBinaryValue", r.hex_binary_value);
      put(rj, "uriValue", r.uri_value.empty() ? "" : Id(r.uri_value));
      num(rj, "minValue", r.min_value);
      num(rj, "maxValue", r.max_value);
      num(rj, "meanValue", r.mean_value);
      num(rj, "sDev", r.s_dev);
      num(rj, "percRank", r.perc_rank);
      num(rj, "percValue", r.perc_value);
      put(rj, "uom", r.uom);
      AddExtensions(rj, r.extensions);
      reports.push_back(std::move(rj));
    }
    element["sensorReport"] = std::move(reports);
    AddExtensions(element, e.extensions);
    out.push_back(std::move(element));
  }
  return out;
}

ordered_json Encoder::EventJson(const Event& e) {
  ordered_json out = ordered_json::object();
  out["type"] = EventTypeName(e.type);
  if (!e.event_id.empty()) out["eventID"] = e.event_id;
  out["eventTime"] = e.event_time;
  out["eventTimeZoneOffset"] = e.event_time_zone_offset;
  if (!e.record_time.empty()) out["recordTime"] = e.record_time;
  if (e.certification_info.size() == 1) {
    out["certificationInfo"] = e.certification_info.front();
  } else if (!e.certification_info.empty()) {
    out["certificationInfo"] = e.certification_info;
  }
  if (e.error_declaration) {
    const ErrorDeclaration& d = *e.error_declaration;
    ordered_json ed = {{"declarationTime", d.declaration_time}};
    if (!d.reason.empty()) ed["reason"] = CompactVocabulary(Vocabulary::kErrorReason, d.reason);
    if (!d.corrective_event_ids.empty()) ed["correctiveEventIDs"] = d.corrective_event_ids;
    AddExtensions(ed, d.extensions);
    out["errorDeclaration"] = std::move(ed);
  }
  if (!e.parent_id.empty()) out["parentID"] = Id(e.parent_id);
  if (!e.epc_list.empty()) out["epcList"] = Ids(e.epc_list);
  if (!e.child_epcs.empty()) out["childEPCs"] = Ids(e.child_epcs);
  if (!e.input_epc_list.empty()) out["inputEPCList"] = Ids(e.input_epc_list);
  if (!e.output_epc_list.empty()) out["outputEPCList"] = Ids(e.output_epc_list);
  if (!e.quantity_list.empty()) out["quantityList"] = Quantities(e.quantity_list);
  if (!e.child_quantity_list.empty()) {
    out["childQuantityList"] = Quantities(e.child_quantity_list);
  }
  if (!e.input_quantity_list.empty()) {
    out["inputQuantityList"] = Quantities(e.input_quantity_list);
  }
  if (!e.output_quantity_list.empty()) {
    out["outputQuantityList"] = Quantities(e.output_quantity_list);
  }
  if (e.action != Action::kNone) out["action"] = ActionName(e.action);
  if (!e.transformation_id.empty()) out["transformationID"] = Id(e.transformation_id);
  if (!e.biz_step.empty()) out["bizStep"] = CompactVocabulary(Vocabulary::kBizStep, e.biz_step);
  if (!e.disposition.empty()) {
    out["disposition"] = CompactVocabulary(Vocabulary::kDisposition, e.disposition);
  }
  if (e.persistent_disposition) {
    ordered_json pd = ordered_json::object();
    for (const auto& [name, list] : {std::pair{"set", &e.persistent_disposition->set},
                                     std::pair{"unset", &e.persistent_disposition->unset}}) {
      if (list->empty()) continue;
      ordered_json values = ordered_json::array();
      for (const std::string& d : *list) {
        values.push_back(CompactVocabulary(Vocabulary::kDisposition, d));
      }
      pd[name] = std::move(values);
    }
    out["persistentDisposition"] = std::move(pd);
  }
  if (e.read_point) out["readPoint"] = LocationJson(*e.read_point);
  if (e.biz_location) out["bizLocation"] = LocationJson(*e.biz_location);
  if (!e.biz_transactions.empty()) {
    out["bizTransactionList"] =
        TypedIds(e.biz_transactions, "bizTransaction", Vocabulary::kBizTransactionType);
  }
  if (!e.sources.empty()) {
    out["sourceList"] = TypedIds(e.sources, "source", Vocabulary::kSourceDestType);
  }
  if (!e.destinations.empty()) {
    out["destinationList"] = TypedIds(e.destinations, "destination", Vocabulary::kSourceDestType);
  }
  if (!e.sensor_elements.empty()) out["sensorElementList"] = Sensors(e.sensor_elements);
  if (e.ilmd) {
    ordered_json ilmd = ordered_json::object();
    AddExtensions(ilmd, *e.ilmd);
    out["ilmd"] = std::move(ilmd);
  }
  AddExtensions(out, e.extensions);
  return out;
}

// Document-level members: ignoreFields lists member names, written as CURIEs.
void AddDocumentExtensions(Encoder& encoder, ordered_json& out, const Extensions& extensions) {
  for (const Extension& x : extensions) {
    if (x.name.ends_with("}ignoreFields") && x.value.is_array()) {
      ordered_json names = ordered_json::array();
      for (const json& item : x.value) {
        names.push_back(item.is_string() ? ordered_json(encoder.Name(item.get<std::string>()))
                                         : encoder.ExtensionValue(item));
      }
      out[encoder.Name(x.name)] = std::move(names);
    } else {
      out[encoder.Name(x.name)] = encoder.ExtensionValue(x.value);
    }
  }
}

}  // namespace

ordered_json EncodeJsonDocument(const Document& document, const JsonEncodeOptions& options) {
  Encoder encoder(document, options);
  if (document.kind == DocumentKind::kSingleEvent && document.events.size() == 1) {
    ordered_json event = encoder.EventJson(document.events.front());
    ordered_json out = {{"@context", encoder.Context()}};
    for (auto& [key, value] : event.items()) out[key] = std::move(value);
    return out;
  }
  ordered_json events = ordered_json::array();
  for (const Event& e : document.events) events.push_back(encoder.EventJson(e));
  ordered_json members = ordered_json::object();
  if (!document.id.empty()) members["id"] = document.id;
  const bool query = document.kind == DocumentKind::kQueryDocument;
  members["type"] = query ? "EPCISQueryDocument" : "EPCISDocument";
  members["schemaVersion"] = document.schema_version.empty() ? "2.0" : document.schema_version;
  if (!document.creation_date.empty()) members["creationDate"] = document.creation_date;
  if (!document.header.is_null())
    members["epcisHeader"] = ordered_json::parse(document.header.dump());
  ordered_json extensions = ordered_json::object();
  AddDocumentExtensions(encoder, extensions, document.extensions);
  for (auto& [key, value] : extensions.items()) members[key] = std::move(value);
  if (query) {
    ordered_json results = ordered_json::object();
    if (!document.subscription_id.empty()) results["subscriptionID"] = document.subscription_id;
    results["queryName"] = document.query_name;
    results["resultsBody"] = {{"eventList", std::move(events)}};
    members["epcisBody"] = {{"queryResults", std::move(results)}};
  } else {
    members["epcisBody"] = {{"eventList", std::move(events)}};
  }
  // The context last: encoding the members may have declared prefixes.
  ordered_json out = {{"@context", encoder.Context()}};
  for (auto& [key, value] : members.items()) out[key] = std::move(value);
  return out;
}

}  // namespace txng::epcis
