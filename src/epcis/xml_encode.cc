#include "epcis/xml_encode.h"

#include <map>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "epcis/cbv.h"
#include "epcis/event_hash.h"

namespace txng::epcis {
namespace {

using nlohmann::json;

constexpr const char* kEpcisNamespace = "urn:epcglobal:epcis:xsd:2";
constexpr const char* kQueryNamespace = "urn:epcglobal:epcis-query:xsd:2";

class XmlEncoder {
 public:
  XmlEncoder(const Document& doc, const XmlEncodeOptions& options) : options_(options) {
    for (const auto& [prefix, iri] : doc.namespaces) Declare(prefix, iri);
    static const std::pair<const char*, const char*> kStandard[] = {
        {"cbvmda", "urn:epcglobal:cbv:mda:"},
        {"gs1", "https://gs1.org/voc/"},
        {"cbv", "https://ref.gs1.org/cbv/"},
        {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"}};
    for (const auto& [prefix, iri] : kStandard) {
      if (!prefix_of_.contains(iri) && !Taken(prefix)) Declare(prefix, iri);
    }
  }

  void Event(pugi::xml_node parent, const epcis::Event& e);
  // Adds the extension member `name` (Clark) with `value` under `parent`.
  void AddExtension(pugi::xml_node parent, const std::string& name, const json& value);
  void AddExtensions(pugi::xml_node parent, const Extensions& extensions) {
    for (const Extension& x : extensions) AddExtension(parent, x.name, x.value);
  }
  // Declares on `root` every namespace that was used.
  void DeclareUsed(pugi::xml_node root) const {
    for (const auto& [prefix, iri] : declared_) {
      if (used_.contains(prefix)) {
        root.append_attribute(("xmlns:" + prefix).c_str()).set_value(iri.c_str());
      }
    }
  }
  // The qualified name of a Clark name; plain names stay plain.
  std::string QName(const std::string& clark) {
    if (clark.empty() || clark[0] != '{') return clark;
    std::size_t close = clark.find('}');
    std::string iri = clark.substr(1, close - 1);
    auto it = prefix_of_.find(iri);
    std::string prefix;
    if (it != prefix_of_.end()) {
      prefix = it->second;
    } else {
      int n = 0;
      do {
        prefix = "ext" + std::to_string(++n);
      } while (Taken(prefix));
      Declare(prefix, iri);
    }
    used_.insert({prefix, true});
    return prefix + ":" + clark.substr(close + 1);
  }

 private:
  bool Taken(const std::string& prefix) const {
    for (const auto& [p, i] : declared_) {
      if (p == prefix) return true;
    }
    return false;
  }
  void Declare(const std::string& prefix, const std::string& iri) {
    declared_.emplace_back(prefix, iri);
    prefix_of_.emplace(iri, prefix);
  }
  std::string Id(const std::string& id) const {
    return FormatIdentifier(id, options_.epc_format, options_.prefixes);
  }
  std::string Vocab(Vocabulary vocabulary, const std::string& value) const {
    return options_.cbv_format == CbvFormat::kUrn ? VocabularyUrn(vocabulary, value) : value;
  }
  static void Text(pugi::xml_node parent, const char* name, const std::string& value) {
    if (!value.empty()) parent.append_child(name).text().set(value.c_str());
  }
  static void Attr(pugi::xml_node node, const char* name, const std::string& value) {
    if (!value.empty()) node.append_attribute(name).set_value(value.c_str());
  }
  static void Attr(pugi::xml_node node, const char* name, const std::optional<double>& value) {
    if (value) Attr(node, name, CanonicalNumber(*value));
  }
  void Ids(pugi::xml_node parent, const char* list, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    pugi::xml_node node = parent.append_child(list);
    for (const std::string& id : ids) Text(node, "epc", Id(id));
  }
  void Quantities(pugi::xml_node parent, const char* list,
                  const std::vector<QuantityElement>& elements) {
    if (elements.empty()) return;
    pugi::xml_node node = parent.append_child(list);
    for (const QuantityElement& q : elements) {
      pugi::xml_node qe = node.append_child("quantityElement");
      Text(qe, "epcClass", Id(q.epc_class));
      if (q.quantity) Text(qe, "quantity", CanonicalNumber(*q.quantity));
      Text(qe, "uom", q.uom);
    }
  }
  void LocationOf(pugi::xml_node parent, const char* name, const std::optional<Location>& loc) {
    if (!loc) return;
    pugi::xml_node node = parent.append_child(name);
    Text(node, "id", Id(loc->id));
    AddExtensions(node, loc->extensions);
  }
  void TypedIds(pugi::xml_node parent, const char* list, const char* item,
                const std::vector<TypedId>& ids, Vocabulary vocabulary) {
    if (ids.empty()) return;
    pugi::xml_node node = parent.append_child(list);
    for (const TypedId& t : ids) {
      pugi::xml_node child = node.append_child(item);
      Attr(child, "type", Vocab(vocabulary, t.type));
      child.text().set(Id(t.id).c_str());
    }
  }
  void Sensors(pugi::xml_node parent, const std::vector<SensorElement>& elements);

  const XmlEncodeOptions& options_;
  std::vector<std::pair<std::string, std::string>> declared_;
  std::map<std::string, std::string> prefix_of_;  // IRI -> prefix
  std::map<std::string, bool> used_;
};

void XmlEncoder::AddExtension(pugi::xml_node parent, const std::string& name, const json& value) {
  if (value.is_array()) {
    for (const json& item : value) AddExtension(parent, name, item);
    return;
  }
  pugi::xml_node node = parent.append_child(QName(name).c_str());
  if (value.is_object()) {
    // An object with "@value" came from an element with attributes and text:
    // its other scalar members are the attributes.
    const bool with_text = value.contains("@value");
    for (const auto& [key, child] : value.items()) {
      if (key == "@value" || (with_text && !child.is_structured())) {
        const std::string text = child.is_string() ? child.get<std::string>() : child.dump();
        if (key == "@value") {
          node.text().set(text.c_str());
        } else {
          node.append_attribute(QName(key).c_str()).set_value(text.c_str());
        }
      } else {
        AddExtension(node, key, child);
      }
    }
  } else if (value.is_string()) {
    node.text().set(value.get_ref<const std::string&>().c_str());
  } else if (!value.is_null()) {
    node.text().set(value.dump().c_str());
  }
}

void XmlEncoder::Sensors(pugi::xml_node parent, const std::vector<SensorElement>& elements) {
  if (elements.empty()) return;
  pugi::xml_node list = parent.append_child("sensorElementList");
  // Extension members with text values are attributes; others are elements.
  auto add_members = [&](pugi::xml_node node, const Extensions& extensions) {
    for (const Extension& x : extensions) {
      if (x.value.is_string()) {
        Attr(node, QName(x.name).c_str(), x.value.get<std::string>());
      } else {
        AddExtension(node, x.name, x.value);
      }
    }
  };
  for (const SensorElement& e : elements) {
    pugi::xml_node element = list.append_child("sensorElement");
    if (e.metadata) {
      const SensorMetadata& m = *e.metadata;
      pugi::xml_node md = element.append_child("sensorMetadata");
      Attr(md, "time", m.time);
      Attr(md, "startTime", m.start_time);
      Attr(md, "endTime", m.end_time);
      Attr(md, "deviceID", m.device_id.empty() ? "" : Id(m.device_id));
      Attr(md, "deviceMetadata", m.device_metadata.empty() ? "" : Id(m.device_metadata));
      Attr(md, "rawData", m.raw_data.empty() ? "" : Id(m.raw_data));
      Attr(md, "dataProcessingMethod",
           m.data_processing_method.empty() ? "" : Id(m.data_processing_method));
      Attr(md, "bizRules", m.biz_rules.empty() ? "" : Id(m.biz_rules));
      add_members(md, m.extensions);
    }
    for (const SensorReport& r : e.reports) {
      pugi::xml_node rn = element.append_child("sensorReport");
      Attr(rn, "type", r.type);
      Attr(rn, "exception", r.exception);
      Attr(rn, "deviceID", r.device_id.empty() ? "" : Id(r.device_id));
      Attr(rn, "deviceMetadata", r.device_metadata.empty() ? "" : Id(r.device_metadata));
      Attr(rn, "rawData", r.raw_data.empty() ? "" : Id(r.raw_data));
      Attr(rn, "dataProcessingMethod",
           r.data_processing_method.empty() ? "" : Id(r.data_processing_method));
      Attr(rn, "bizRules", r.biz_rules.empty() ? "" : Id(r.biz_rules));
      Attr(rn, "time", r.time);
      Attr(rn, "microorganism", r.microorganism);
      Attr(rn, "chemicalSubstance", r.chemical_substance);
      Attr(rn, "coordinateReferenceSystem", r.coordinate_reference_system);
      Attr(rn, "value", r.value);
      Attr(rn, "component", r.component);
      Attr(rn, "stringValue", r.string_value);
      if (r.boolean_value) Attr(rn, "booleanValue", *r.boolean_value ? "true" : "false");
      Attr(rn, "hexBinaryValue", r.hex_binary_value);
      Attr(rn, "uriValue", r.uri_value.empty() ? "" : Id(r.uri_value));
      Attr(rn, "minValue", r.min_value);
      Attr(rn, "maxValue", r.max_value);
      Attr(rn, "meanValue", r.mean_value);
      Attr(rn, "sDev", r.s_dev);
      Attr(rn, "percRank", r.perc_rank);
      Attr(rn, "percValue", r.perc_value);
      Attr(rn, "uom", r.uom);
      add_members(rn, r.extensions);
    }
    AddExtensions(element, e.extensions);
  }
}

void XmlEncoder::Event(pugi::xml_node parent, const epcis::Event& e) {
  pugi::xml_node node = parent.append_child(std::string(EventTypeName(e.type)).c_str());
  Text(node, "eventTime", e.event_time);
  Text(node, "recordTime", e.record_time);
  Text(node, "eventTimeZoneOffset", e.event_time_zone_offset);
  Text(node, "eventID", e.event_id);
  for (const std::string& c : e.certification_info) Text(node, "certificationInfo", Id(c));
  if (e.error_declaration) {
    const ErrorDeclaration& d = *e.error_declaration;
    pugi::xml_node ed = node.append_child("errorDeclaration");
    Text(ed, "declarationTime", d.declaration_time);
    Text(ed, "reason", Vocab(Vocabulary::kErrorReason, d.reason));
    if (!d.corrective_event_ids.empty()) {
      pugi::xml_node ids = ed.append_child("correctiveEventIDs");
      for (const std::string& id : d.corrective_event_ids) Text(ids, "correctiveEventID", id);
    }
    AddExtensions(ed, d.extensions);
  }
  const bool transaction = e.type == EventType::kTransaction;
  if (transaction) {
    TypedIds(node, "bizTransactionList", "bizTransaction", e.biz_transactions,
             Vocabulary::kBizTransactionType);
  }
  if (!e.parent_id.empty()) Text(node, "parentID", Id(e.parent_id));
  if (e.type == EventType::kObject && e.epc_list.empty()) node.append_child("epcList");
  Ids(node, "epcList", e.epc_list);
  Ids(node, "childEPCs", e.child_epcs);
  Quantities(node, "quantityList", e.quantity_list);
  Quantities(node, "childQuantityList", e.child_quantity_list);
  Ids(node, "inputEPCList", e.input_epc_list);
  Quantities(node, "inputQuantityList", e.input_quantity_list);
  Ids(node, "outputEPCList", e.output_epc_list);
  Quantities(node, "outputQuantityList", e.output_quantity_list);
  Text(node, "transformationID", e.transformation_id.empty() ? "" : Id(e.transformation_id));
  Text(node, "action", std::string(ActionName(e.action)));
  Text(node, "bizStep", Vocab(Vocabulary::kBizStep, e.biz_step));
  Text(node, "disposition", Vocab(Vocabulary::kDisposition, e.disposition));
  if (e.persistent_disposition) {
    pugi::xml_node pd = node.append_child("persistentDisposition");
    for (const std::string& d : e.persistent_disposition->set) {
      Text(pd, "set", Vocab(Vocabulary::kDisposition, d));
    }
    for (const std::string& d : e.persistent_disposition->unset) {
      Text(pd, "unset", Vocab(Vocabulary::kDisposition, d));
    }
  }
  LocationOf(node, "readPoint", e.read_point);
  LocationOf(node, "bizLocation", e.biz_location);
  if (!transaction) {
    TypedIds(node, "bizTransactionList", "bizTransaction", e.biz_transactions,
             Vocabulary::kBizTransactionType);
  }
  TypedIds(node, "sourceList", "source", e.sources, Vocabulary::kSourceDestType);
  TypedIds(node, "destinationList", "destination", e.destinations, Vocabulary::kSourceDestType);
  Sensors(node, e.sensor_elements);
  if (e.ilmd) AddExtensions(node.append_child("ilmd"), *e.ilmd);
  AddExtensions(node, e.extensions);
}

struct StringWriter : pugi::xml_writer {
  std::string text;
  void write(const void* data, std::size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
};

}  // namespace

std::string EncodeXmlDocument(const Document& document, const XmlEncodeOptions& options) {
  XmlEncoder encoder(document, options);
  pugi::xml_document xml;
  const bool query = document.kind == DocumentKind::kQueryDocument;
  pugi::xml_node root =
      xml.append_child(query ? "epcisq:EPCISQueryDocument" : "epcis:EPCISDocument");
  root.append_attribute(query ? "xmlns:epcisq" : "xmlns:epcis")
      .set_value(query ? kQueryNamespace : kEpcisNamespace);
  root.append_attribute("schemaVersion")
      .set_value(document.schema_version.empty() ? "2.0" : document.schema_version.c_str());
  if (!document.creation_date.empty()) {
    root.append_attribute("creationDate").set_value(document.creation_date.c_str());
  }
  if (document.header.is_object() && document.header.contains("xml") &&
      document.header["xml"].is_string()) {
    pugi::xml_document header;
    const std::string& text = document.header["xml"].get_ref<const std::string&>();
    if (header.load_buffer(text.data(), text.size())) root.append_copy(header.document_element());
  }
  for (const Extension& x : document.extensions) {
    if (x.name.empty() || x.name[0] != '{') continue;
    if (x.name.ends_with("}ignoreFields") && x.value.is_array()) {
      pugi::xml_node node = root.append_child(encoder.QName(x.name).c_str());
      for (const json& field : x.value) {
        if (field.is_string()) node.append_child(encoder.QName(field.get<std::string>()).c_str());
      }
      continue;
    }
    encoder.AddExtension(root, x.name, x.value);
  }
  pugi::xml_node body = root.append_child("EPCISBody");
  pugi::xml_node list;
  if (query) {
    pugi::xml_node results = body.append_child("epcisq:QueryResults");
    if (!document.subscription_id.empty()) {
      results.append_child("subscriptionID").text().set(document.subscription_id.c_str());
    }
    results.append_child("queryName").text().set(document.query_name.c_str());
    list = results.append_child("resultsBody").append_child("EventList");
  } else {
    list = body.append_child("EventList");
  }
  for (const Event& e : document.events) encoder.Event(list, e);
  encoder.DeclareUsed(root);
  StringWriter writer;
  xml.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return writer.text;
}

}  // namespace txng::epcis
