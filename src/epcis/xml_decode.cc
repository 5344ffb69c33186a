#include "epcis/xml_decode.h"

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "epcis/timestamp.h"
#include "epcis/validation.h"
#include "epcis/xml_names.h"

namespace txng::epcis {
namespace {

using nlohmann::json;
using xml::AddExtension;
using xml::ClarkName;
using xml::ElementNamespace;
using xml::ExtensionValue;
using xml::IsEpcisNamespace;
using xml::IsStandard;
using xml::LocalName;
using xml::NamespaceOf;
using xml::StandardChildren;
using xml::Trimmed;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

class XmlEventDecoder {
 public:
  XmlEventDecoder(std::size_t index, std::string base) : index_(index), base_(std::move(base)) {}

  Result<Event> Decode(pugi::xml_node node);

 private:
  Status Fail(const std::string& path, std::string_view rule_name, std::string_view detail) {
    return ValidationError(index_, path, rule_name, detail);
  }
  Result<std::string> Id(std::string_view text, const std::string& path) {
    Result<std::string> id = NormalizeIdentifier(text);
    if (!id.ok()) return Fail(path, rule::kGs1Key, id.status().message());
    return std::move(id).value();
  }
  Result<std::string> Vocab(Vocabulary vocabulary, pugi::xml_node context, std::string value,
                            const std::string& path) {
    value = ExpandGs1QName(context, value);
    Result<std::string> v = NormalizeVocabulary(vocabulary, value);
    if (!v.ok()) return Fail(path, rule::kCbv, v.status().message());
    return std::move(v).value();
  }
  Result<std::string> Time(std::string value, const std::string& path) {
    Result<Instant> parsed = ParseTimestamp(value);
    if (!parsed.ok()) return Fail(path, rule::kTimestamp, parsed.status().message());
    return value;
  }
  // An xsd:decimal or xsd:double in decimal notation (no "NaN", "INF" or
  // hexadecimal, which strtod would take).
  Result<double> Number(std::string_view text, const std::string& path) {
    std::string s(text);
    const bool decimal_chars = s.find_first_not_of("0123456789+-.eE") == std::string::npos &&
                               s.find_first_of("0123456789") != std::string::npos;
    char* end = nullptr;
    double d = decimal_chars ? std::strtod(s.c_str(), &end) : 0;
    if (!decimal_chars || end != s.c_str() + s.size()) {
      return Fail(path, rule::kType, "\"" + s + "\" is not a number");
    }
    return d;
  }
  // A QName value whose prefix is bound to a GS1 vocabulary namespace,
  // expanded; other values unchanged (as the JSON-LD decoder does).
  static std::string ExpandGs1QName(pugi::xml_node context, const std::string& value) {
    std::size_t colon = value.find(':');
    if (colon == std::string::npos || value.compare(colon + 1, 2, "//") == 0) return value;
    const std::string prefix = value.substr(0, colon);
    std::string ns = NamespaceOf(context, prefix);
    // Unbound gs1: and cbv: mean what the standard JSON-LD context says, as
    // GS1's own XML examples assume.
    if (ns.empty() && prefix == "gs1") ns = "https://gs1.org/voc/";
    if (ns.empty() && prefix == "cbv") ns = "https://ref.gs1.org/cbv/";
    if (!StartsWith(ns, "https://gs1.org/") && !StartsWith(ns, "https://ref.gs1.org/")) {
      return value;
    }
    return ns + value.substr(colon + 1);
  }

  Result<std::vector<std::string>> Ids(pugi::xml_node list, const std::string& path);
  Result<std::vector<QuantityElement>> Quantities(pugi::xml_node list, const std::string& path);
  Result<Location> LocationOf(pugi::xml_node node, const std::string& path);
  Result<std::vector<TypedId>> TypedIds(pugi::xml_node list, const std::string& path,
                                        Vocabulary vocabulary);
  Result<std::vector<SensorElement>> Sensors(pugi::xml_node list, const std::string& path);
  Result<bool> Field(Event& e, pugi::xml_node child, const std::string& path);

  std::size_t index_;
  std::string base_;
};

Result<std::vector<std::string>> XmlEventDecoder::Ids(pugi::xml_node list,
                                                      const std::string& path) {
  std::vector<std::string> out;
  int i = 0;
  for (pugi::xml_node c : list.children()) {
    if (c.type() != pugi::node_element) continue;
    ++i;
    TXNG_ASSIGN_OR_RETURN(
        std::string id,
        Id(Trimmed(c.child_value()), path + "/" + c.name() + "[" + std::to_string(i) + "]"));
    out.push_back(std::move(id));
  }
  return out;
}

Result<std::vector<QuantityElement>> XmlEventDecoder::Quantities(pugi::xml_node list,
                                                                 const std::string& path) {
  std::vector<QuantityElement> out;
  int i = 0;
  for (pugi::xml_node element : list.children()) {
    if (element.type() != pugi::node_element) continue;
    std::string at = path + "/" + element.name() + "[" + std::to_string(++i) + "]";
    QuantityElement q;
    for (pugi::xml_node c : element.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = LocalName(c.name());
      std::string value = Trimmed(c.child_value());
      std::string vat = at + "/" + std::string(name);
      if (name == "epcClass") {
        TXNG_ASSIGN_OR_RETURN(q.epc_class, Id(value, vat));
      } else if (name == "quantity") {
        // xsi:nil="true" (EPCIS 1.2 XSL output) means no quantity.
        if (std::string_view(c.attribute("xsi:nil").value()) == "true") continue;
        TXNG_ASSIGN_OR_RETURN(q.quantity, Number(value, vat));
      } else if (name == "uom") {
        q.uom = value;
      } else {
        return Fail(vat, rule::kUnknownField, "a quantity element has epcClass, quantity, uom");
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

Result<Location> XmlEventDecoder::LocationOf(pugi::xml_node node, const std::string& path) {
  Location loc;
  std::vector<pugi::xml_node> children;
  StandardChildren(node, children);
  for (pugi::xml_node c : children) {
    if (IsStandard(c) && LocalName(c.name()) == "id") {
      TXNG_ASSIGN_OR_RETURN(loc.id, Id(Trimmed(c.child_value()), path + "/id"));
    } else if (!IsStandard(c)) {
      AddExtension(loc.extensions, c);
    } else {
      return Fail(path + "/" + c.name(), rule::kUnknownField, "a location has an id");
    }
  }
  if (loc.id.empty()) return Fail(path + "/id", rule::kRequired, "a location needs an id");
  return loc;
}

Result<std::vector<TypedId>> XmlEventDecoder::TypedIds(pugi::xml_node list, const std::string& path,
                                                       Vocabulary vocabulary) {
  std::vector<TypedId> out;
  int i = 0;
  for (pugi::xml_node c : list.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string at = path + "/" + c.name() + "[" + std::to_string(++i) + "]";
    TypedId t;
    if (pugi::xml_attribute type = c.attribute("type")) {
      TXNG_ASSIGN_OR_RETURN(t.type, Vocab(vocabulary, c, Trimmed(type.value()), at + "/@type"));
    }
    TXNG_ASSIGN_OR_RETURN(t.id, Id(Trimmed(c.child_value()), at));
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<SensorElement>> XmlEventDecoder::Sensors(pugi::xml_node list,
                                                            const std::string& path) {
  std::vector<SensorElement> out;
  int i = 0;
  for (pugi::xml_node element : list.children()) {
    if (element.type() != pugi::node_element) continue;
    std::string at = path + "/sensorElement[" + std::to_string(++i) + "]";
    SensorElement se;
    for (pugi::xml_node c : element.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = LocalName(c.name());
      std::string cat = at + "/" + c.name();
      if (!IsStandard(c)) {
        AddExtension(se.extensions, c);
      } else if (name == "sensorMetadata") {
        SensorMetadata m;
        for (pugi::xml_attribute a : c.attributes()) {
          std::string_view an = a.name();
          std::string value = Trimmed(a.value());
          std::string aat = cat + "/@" + std::string(an);
          if (StartsWith(an, "xmlns")) continue;
          if (an.find(':') != std::string_view::npos) {
            m.extensions.push_back({ClarkName(c, an, true), value});
          } else if (an == "time") {
            TXNG_ASSIGN_OR_RETURN(m.time, Time(value, aat));
          } else if (an == "startTime") {
            TXNG_ASSIGN_OR_RETURN(m.start_time, Time(value, aat));
          } else if (an == "endTime") {
            TXNG_ASSIGN_OR_RETURN(m.end_time, Time(value, aat));
          } else if (an == "deviceID") {
            TXNG_ASSIGN_OR_RETURN(m.device_id, Id(value, aat));
          } else if (an == "deviceMetadata") {
            TXNG_ASSIGN_OR_RETURN(m.device_metadata, Id(value, aat));
          } else if (an == "rawData") {
            TXNG_ASSIGN_OR_RETURN(m.raw_data, Id(value, aat));
          } else if (an == "dataProcessingMethod") {
            TXNG_ASSIGN_OR_RETURN(m.data_processing_method, Id(value, aat));
          } else if (an == "bizRules") {
            TXNG_ASSIGN_OR_RETURN(m.biz_rules, Id(value, aat));
          } else {
            return Fail(aat, rule::kUnknownField, "not an attribute of sensorMetadata");
          }
        }
        for (pugi::xml_node ext : c.children()) {
          if (ext.type() == pugi::node_element) AddExtension(m.extensions, ext);
        }
        se.metadata = std::move(m);
      } else if (name == "sensorReport") {
        SensorReport r;
        using Str = std::string SensorReport::*;
        using Num = std::optional<double> SensorReport::*;
        static const std::map<std::string, Str, std::less<>> kIds = {
            {"deviceID", &SensorReport::device_id},
            {"deviceMetadata", &SensorReport::device_metadata},
            {"rawData", &SensorReport::raw_data},
            {"dataProcessingMethod", &SensorReport::data_processing_method},
            {"bizRules", &SensorReport::biz_rules},
            {"microorganism", &SensorReport::microorganism},
            {"chemicalSubstance", &SensorReport::chemical_substance},
            {"coordinateReferenceSystem", &SensorReport::coordinate_reference_system},
            {"uriValue", &SensorReport::uri_value}};
        static const std::map<std::string, Str, std::less<>> kStrings = {
            {"stringValue", &SensorReport::string_value},
            {"hexBinaryValue", &SensorReport::hex_binary_value},
            {"uom", &SensorReport::uom}};
        static const std::map<std::string, Num, std::less<>> kNumbers = {
            {"value", &SensorReport::value},         {"minValue", &SensorReport::min_value},
            {"maxValue", &SensorReport::max_value},  {"meanValue", &SensorReport::mean_value},
            {"sDev", &SensorReport::s_dev},          {"percRank", &SensorReport::perc_rank},
            {"percValue", &SensorReport::perc_value}};
        for (pugi::xml_attribute a : c.attributes()) {
          std::string_view an = a.name();
          std::string value = Trimmed(a.value());
          std::string aat = cat + "/@" + std::string(an);
          if (StartsWith(an, "xmlns")) continue;
          if (an.find(':') != std::string_view::npos) {
            r.extensions.push_back({ClarkName(c, an, true), value});
          } else if (auto it = kIds.find(an); it != kIds.end()) {
            TXNG_ASSIGN_OR_RETURN(r.*(it->second), Id(value, aat));
          } else if (auto st = kStrings.find(an); st != kStrings.end()) {
            r.*(st->second) = value;
          } else if (auto nu = kNumbers.find(an); nu != kNumbers.end()) {
            TXNG_ASSIGN_OR_RETURN(r.*(nu->second), Number(value, aat));
          } else if (an == "type") {
            TXNG_ASSIGN_OR_RETURN(r.type, Vocab(Vocabulary::kMeasurementType, c, value, aat));
          } else if (an == "exception") {
            TXNG_ASSIGN_OR_RETURN(r.exception, Vocab(Vocabulary::kSensorAlertType, c, value, aat));
          } else if (an == "component") {
            TXNG_ASSIGN_OR_RETURN(r.component, Vocab(Vocabulary::kSensorComponent, c, value, aat));
          } else if (an == "time") {
            TXNG_ASSIGN_OR_RETURN(r.time, Time(value, aat));
          } else if (an == "booleanValue") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
              return Fail(aat, rule::kType, "booleanValue must be true or false");
            }
            r.boolean_value = value == "true" || value == "1";
          } else {
            return Fail(aat, rule::kUnknownField, "not an attribute of sensorReport");
          }
        }
        for (pugi::xml_node ext : c.children()) {
          if (ext.type() == pugi::node_element) {
            AddExtension(r.extensions, ext);
          }
        }
        se.reports.push_back(std::move(r));
      } else {
        return Fail(cat, rule::kUnknownField, "a sensorElement has sensorMetadata, sensorReport");
      }
    }
    out.push_back(std::move(se));
  }
  return out;
}

Result<bool> XmlEventDecoder::Field(Event& e, pugi::xml_node c, const std::string& path) {
  const std::string_view name = LocalName(c.name());
  const std::string text = Trimmed(c.child_value());
  if (name == "eventID") {
    e.event_id = text;
  } else if (name == "eventTime") {
    TXNG_ASSIGN_OR_RETURN(e.event_time, Time(text, path));
  } else if (name == "recordTime") {
    TXNG_ASSIGN_OR_RETURN(e.record_time, Time(text, path));
  } else if (name == "eventTimeZoneOffset") {
    e.event_time_zone_offset = text;
  } else if (name == "certificationInfo") {
    TXNG_ASSIGN_OR_RETURN(std::string id, Id(text, path));
    e.certification_info.push_back(std::move(id));
  } else if (name == "errorDeclaration") {
    ErrorDeclaration d;
    std::vector<pugi::xml_node> children;
    StandardChildren(c, children);
    for (pugi::xml_node dc : children) {
      std::string_view dn = LocalName(dc.name());
      std::string dat = path + "/" + dc.name();
      if (!IsStandard(dc)) {
        AddExtension(d.extensions, dc);
      } else if (dn == "declarationTime") {
        TXNG_ASSIGN_OR_RETURN(d.declaration_time, Time(Trimmed(dc.child_value()), dat));
      } else if (dn == "reason") {
        TXNG_ASSIGN_OR_RETURN(d.reason,
                              Vocab(Vocabulary::kErrorReason, dc, Trimmed(dc.child_value()), dat));
      } else if (dn == "correctiveEventIDs") {
        for (pugi::xml_node id : dc.children()) {
          if (id.type() == pugi::node_element) {
            d.corrective_event_ids.push_back(Trimmed(id.child_value()));
          }
        }
      } else {
        return Fail(dat, rule::kUnknownField, "not a field of errorDeclaration");
      }
    }
    e.error_declaration = std::move(d);
  } else if (name == "parentID") {
    TXNG_ASSIGN_OR_RETURN(e.parent_id, Id(text, path));
  } else if (name == "epcList") {
    TXNG_ASSIGN_OR_RETURN(e.epc_list, Ids(c, path));
  } else if (name == "childEPCs") {
    TXNG_ASSIGN_OR_RETURN(e.child_epcs, Ids(c, path));
  } else if (name == "inputEPCList") {
    TXNG_ASSIGN_OR_RETURN(e.input_epc_list, Ids(c, path));
  } else if (name == "outputEPCList") {
    TXNG_ASSIGN_OR_RETURN(e.output_epc_list, Ids(c, path));
  } else if (name == "quantityList") {
    TXNG_ASSIGN_OR_RETURN(e.quantity_list, Quantities(c, path));
  } else if (name == "childQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.child_quantity_list, Quantities(c, path));
  } else if (name == "inputQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.input_quantity_list, Quantities(c, path));
  } else if (name == "outputQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.output_quantity_list, Quantities(c, path));
  } else if (name == "action") {
    std::optional<Action> action = ActionFromName(text);
    if (!action) return Fail(path, rule::kAction, "action must be ADD, OBSERVE or DELETE");
    e.action = *action;
  } else if (name == "transformationID") {
    TXNG_ASSIGN_OR_RETURN(e.transformation_id, Id(text, path));
  } else if (name == "bizStep") {
    TXNG_ASSIGN_OR_RETURN(e.biz_step, Vocab(Vocabulary::kBizStep, c, text, path));
  } else if (name == "disposition") {
    TXNG_ASSIGN_OR_RETURN(e.disposition, Vocab(Vocabulary::kDisposition, c, text, path));
  } else if (name == "persistentDisposition") {
    PersistentDisposition pd;
    for (pugi::xml_node d : c.children()) {
      if (d.type() != pugi::node_element) continue;
      std::string_view dn = LocalName(d.name());
      if (dn != "set" && dn != "unset") {
        return Fail(path + "/" + d.name(), rule::kUnknownField,
                    "persistentDisposition has set and unset");
      }
      TXNG_ASSIGN_OR_RETURN(std::string v, Vocab(Vocabulary::kDisposition, d,
                                                 Trimmed(d.child_value()), path + "/" + d.name()));
      (dn == "set" ? pd.set : pd.unset).push_back(std::move(v));
    }
    e.persistent_disposition = std::move(pd);
  } else if (name == "readPoint") {
    TXNG_ASSIGN_OR_RETURN(e.read_point, LocationOf(c, path));
  } else if (name == "bizLocation") {
    TXNG_ASSIGN_OR_RETURN(e.biz_location, LocationOf(c, path));
  } else if (name == "bizTransactionList") {
    TXNG_ASSIGN_OR_RETURN(e.biz_transactions, TypedIds(c, path, Vocabulary::kBizTransactionType));
  } else if (name == "sourceList") {
    TXNG_ASSIGN_OR_RETURN(e.sources, TypedIds(c, path, Vocabulary::kSourceDestType));
  } else if (name == "destinationList") {
    TXNG_ASSIGN_OR_RETURN(e.destinations, TypedIds(c, path, Vocabulary::kSourceDestType));
  } else if (name == "sensorElementList") {
    TXNG_ASSIGN_OR_RETURN(e.sensor_elements, Sensors(c, path));
  } else if (name == "ilmd") {
    Extensions ilmd;
    std::vector<pugi::xml_node> children;
    StandardChildren(c, children);
    for (pugi::xml_node m : children) {
      AddExtension(ilmd, m);
    }
    e.ilmd = std::move(ilmd);
  } else {
    return false;
  }
  return true;
}

Result<Event> XmlEventDecoder::Decode(pugi::xml_node node) {
  std::optional<EventType> type = EventTypeFromName(LocalName(node.name()));
  if (!type) {
    return Fail(base_, rule::kEventType, "unknown event type \"" + std::string(node.name()) + "\"");
  }
  Event event;
  event.type = *type;
  std::vector<pugi::xml_node> children;
  StandardChildren(node, children);
  for (pugi::xml_node c : children) {
    std::string path = base_ + "/" + c.name();
    if (!IsStandard(c)) {
      AddExtension(event.extensions, c);
      continue;
    }
    TXNG_ASSIGN_OR_RETURN(bool known, Field(event, c, path));
    if (!known) {
      return Fail(path, rule::kUnknownField,
                  "\"" + std::string(c.name()) + "\" is not a field of " +
                      std::string(EventTypeName(event.type)));
    }
  }
  TXNG_RETURN_IF_ERROR(ValidateEvent(event, index_, base_));
  return event;
}

Status DocFail(const std::string& path, std::string_view rule_name, std::string_view detail) {
  return ValidationError(std::nullopt, path, rule_name, detail);
}

// The events of an <EventList>: event elements, or ones wrapped in
// <extension> (EPCIS 1.x TransformationEvent, AssociationEvent).
// With `rejected`, an event that does not decode is reported there and left
// out; without, it fails the list.
Status DecodeEventList(pugi::xml_node list, const std::string& path, std::vector<Event>* out,
                       std::vector<EventError>* rejected) {
  std::vector<pugi::xml_node> events;
  StandardChildren(list, events);
  for (std::size_t i = 0; i < events.size(); ++i) {
    std::string at = path + "/*[" + std::to_string(i + 1) + "]";
    Result<Event> event = XmlEventDecoder(i, at).Decode(events[i]);
    if (event.ok()) {
      out->push_back(std::move(event).value());
    } else if (rejected != nullptr) {
      rejected->push_back({i, event.status()});
    } else {
      return event.status();
    }
  }
  return Status::Ok();
}

// Document-level extension elements; an ignoreFields element lists the
// member names of its children.
void KeepDocumentExtension(pugi::xml_node node, Extensions* out) {
  std::string name = ClarkName(node, node.name(), false);
  if (name.ends_with("}ignoreFields")) {
    json names = json::array();
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_element) names.push_back(ClarkName(c, c.name(), false));
    }
    out->push_back({std::move(name), std::move(names)});
    return;
  }
  out->push_back({std::move(name), ExtensionValue(node)});
}

// The header as JSON for keeping: its XML text under "xml".
json HeaderJson(pugi::xml_node header) {
  struct Writer : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override {
      text.append(static_cast<const char*>(data), size);
    }
  } writer;
  header.print(writer, "", pugi::format_raw);
  return json{{"xml", writer.text}};
}

}  // namespace

Result<Document> DecodeXmlDocument(std::string_view text) {
  return DecodeXmlDocument(text, nullptr);
}

Result<Document> DecodeXmlDocument(std::string_view text, std::vector<EventError>* rejected) {
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_buffer(text.data(), text.size(), pugi::parse_default);
  if (!parsed) {
    return DocFail("", rule::kSyntax,
                   std::string("malformed XML at byte ") + std::to_string(parsed.offset) + ": " +
                       parsed.description());
  }
  pugi::xml_node root = xml.document_element();
  const std::string_view root_name = LocalName(root.name());
  const std::string root_path = "/" + std::string(root_name);
  Document doc;
  if (root_name == "EPCISDocument") {
    doc.kind = DocumentKind::kDocument;
  } else if (root_name == "EPCISQueryDocument") {
    doc.kind = DocumentKind::kQueryDocument;
  } else {
    return DocFail(root_path, rule::kEventType,
                   "expected EPCISDocument or EPCISQueryDocument, got " + std::string(root.name()));
  }
  if (!IsEpcisNamespace(ElementNamespace(root))) {
    return DocFail(root_path, rule::kNamespace,
                   "the root element is not in an EPCIS namespace (urn:epcglobal:epcis:xsd:2)");
  }
  doc.schema_version = root.attribute("schemaVersion").value();
  doc.creation_date = root.attribute("creationDate").value();
  if (doc.schema_version.empty()) {
    return DocFail(root_path + "/@schemaVersion", rule::kRequired, "schemaVersion is required");
  }
  if (!doc.creation_date.empty() && !ParseTimestamp(doc.creation_date).ok()) {
    return DocFail(root_path + "/@creationDate", rule::kTimestamp,
                   "creationDate must be a date-time with a time zone");
  }
  pugi::xml_node body;
  for (pugi::xml_node c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c.name());
    if (IsStandard(c) && name == "EPCISBody") {
      body = c;
    } else if (IsStandard(c) && name == "EPCISHeader") {
      doc.header = HeaderJson(c);
    } else if (!IsStandard(c)) {
      KeepDocumentExtension(c, &doc.extensions);
    }
  }
  // A query document that writes queryName and resultsBody straight under
  // the root (no EPCISBody/QueryResults, as the CBV hash vectors do) is read
  // as if they were wrapped.
  const bool unwrapped_results =
      !body && doc.kind == DocumentKind::kQueryDocument && root.child("resultsBody");
  if (!body && !unwrapped_results) {
    return DocFail(root_path + "/EPCISBody", rule::kRequired, "EPCISBody is required");
  }
  const std::string body_path = root_path + "/EPCISBody";
  if (doc.kind == DocumentKind::kDocument) {
    pugi::xml_node list;
    for (pugi::xml_node c : body.children()) {
      if (c.type() == pugi::node_element && LocalName(c.name()) == "EventList") list = c;
    }
    if (!list) return DocFail(body_path + "/EventList", rule::kRequired, "EventList is required");
    TXNG_RETURN_IF_ERROR(DecodeEventList(list, body_path + "/EventList", &doc.events, rejected));
    return doc;
  }
  pugi::xml_node results = unwrapped_results ? root : pugi::xml_node();
  for (pugi::xml_node c : body.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == "QueryResults") results = c;
  }
  if (!results) {
    return DocFail(body_path + "/QueryResults", rule::kRequired, "QueryResults is required");
  }
  pugi::xml_node list;
  for (pugi::xml_node c : results.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c.name());
    if (name == "queryName") {
      doc.query_name = Trimmed(c.child_value());
    } else if (name == "subscriptionID") {
      doc.subscription_id = Trimmed(c.child_value());
    } else if (name == "resultsBody") {
      for (pugi::xml_node r : c.children()) {
        if (r.type() == pugi::node_element && LocalName(r.name()) == "EventList") list = r;
      }
    } else if (!IsStandard(c) && !unwrapped_results) {
      KeepDocumentExtension(c, &doc.extensions);
    }
  }
  if (!list) {
    return DocFail(body_path + "/QueryResults/resultsBody/EventList", rule::kRequired,
                   "resultsBody/EventList is required");
  }
  TXNG_RETURN_IF_ERROR(DecodeEventList(list, body_path + "/QueryResults/resultsBody/EventList",
                                       &doc.events, rejected));
  return doc;
}

}  // namespace txng::epcis
