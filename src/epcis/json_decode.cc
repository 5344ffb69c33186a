#include "epcis/json_decode.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "epcis/timestamp.h"
#include "epcis/validation.h"

namespace txng::epcis {
namespace {

// Input keeps its member order (extensions stay in document order); model
// values are plain nlohmann::json.
using json = nlohmann::ordered_json;
using Value = nlohmann::json;

std::string PointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + PointerToken(key);
}
std::string Child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Namespace prefixes in scope: those of the standard contexts (full and
// simple) and those the document declares.
class Namespaces {
 public:
  Namespaces() {
    map_ = {{"epcis", "https://ref.gs1.org/epcis/"},
            {"cbv", "https://ref.gs1.org/cbv/"},
            {"cbvmda", "urn:epcglobal:cbv:mda:"},
            {"gs1", "https://gs1.org/voc/"},
            {"vtype", "urn:epcglobal:epcis:vtype:"},
            {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
            {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
            {"owl", "http://www.w3.org/2002/07/owl#"},
            {"xsd", "http://www.w3.org/2001/XMLSchema#"},
            {"dcterms", "http://purl.org/dc/terms/"}};
  }

  // Adds the prefixes of an @context (a URL, an object, or an array of
  // them); `declared` receives those beyond the standard ones.
  Status Add(const json& context, const std::string& pointer,
             std::vector<std::pair<std::string, std::string>>* declared) {
    if (context.is_string()) return Status::Ok();  // a context document's URL
    if (context.is_array()) {
      for (std::size_t i = 0; i < context.size(); ++i) {
        TXNG_RETURN_IF_ERROR(Add(context[i], Child(pointer, i), declared));
      }
      return Status::Ok();
    }
    if (!context.is_object()) {
      return ValidationError(std::nullopt, pointer, rule::kType,
                             "@context must be a URL, an object or an array of them");
    }
    for (const auto& [prefix, iri] : context.items()) {
      if (StartsWith(prefix, "@") || !iri.is_string()) continue;  // keywords, term definitions
      const std::string& value = iri.get_ref<const std::string&>();
      auto it = map_.find(prefix);
      if (it != map_.end() && it->second == value) continue;
      map_[prefix] = value;
      if (declared) declared->emplace_back(prefix, value);
    }
    return Status::Ok();
  }

  // The Clark name of a member name: "prefix:local" of a declared prefix and
  // absolute IRIs are expanded; nullopt for a plain name. Fails for a CURIE of
  // an undeclared prefix.
  Result<std::optional<std::string>> ExpandName(std::string_view key,
                                                const std::string& pointer) const {
    if (StartsWith(key, "http://") || StartsWith(key, "https://") || StartsWith(key, "urn:")) {
      std::size_t cut = key.find_last_of("/#:");
      return std::optional<std::string>("{" + std::string(key.substr(0, cut + 1)) + "}" +
                                        std::string(key.substr(cut + 1)));
    }
    std::size_t colon = key.find(':');
    if (colon == std::string_view::npos) return std::optional<std::string>();
    auto it = map_.find(std::string(key.substr(0, colon)));
    if (it == map_.end()) {
      return ValidationError(
          std::nullopt, pointer, rule::kNamespace,
          "the prefix \"" + std::string(key.substr(0, colon)) + "\" is not declared in @context");
    }
    return std::optional<std::string>("{" + it->second + "}" + std::string(key.substr(colon + 1)));
  }

  // A CURIE value of a declared prefix expanded to its IRI; other text
  // unchanged. With `gs1_only`, only prefixes of GS1 vocabularies (gs1.org)
  // are expanded: values in user namespaces keep their CURIEs as written.
  std::string ExpandValue(std::string_view value, bool gs1_only) const {
    std::size_t colon = value.find(':');
    if (colon == std::string_view::npos || value.substr(colon + 1, 2) == "//") {
      return std::string(value);
    }
    auto it = map_.find(std::string(value.substr(0, colon)));
    if (it == map_.end()) return std::string(value);
    if (gs1_only && !StartsWith(it->second, "https://gs1.org/") &&
        !StartsWith(it->second, "https://ref.gs1.org/")) {
      return std::string(value);
    }
    return it->second + std::string(value.substr(colon + 1));
  }

 private:
  std::map<std::string, std::string> map_;
};

// Decodes one event; `index` and `base` locate it in the document.
class EventDecoder {
 public:
  EventDecoder(const Namespaces& ns, std::size_t index, std::string base)
      : ns_(ns), index_(index), base_(std::move(base)) {}

  Result<Event> Decode(const json& j);

 private:
  Status Fail(const std::string& pointer, std::string_view rule_name, std::string_view detail) {
    return ValidationError(index_, pointer, rule_name, detail);
  }
  Status WithEvent(const Status& status) {
    if (status.ok()) return status;
    std::string message = status.message();
    // Errors from Namespaces carry no event index yet.
    if (!StartsWith(message, "event ")) message = "event " + std::to_string(index_) + " " + message;
    return Status::InvalidArgument(std::move(message), status.field());
  }

  Result<std::string> String(const json& v, const std::string& p) {
    if (!v.is_string()) return Fail(p, rule::kType, "must be a string");
    return v.get<std::string>();
  }
  Result<std::string> Id(const json& v, const std::string& p) {
    TXNG_ASSIGN_OR_RETURN(std::string s, String(v, p));
    Result<std::string> id = NormalizeIdentifier(s);
    if (!id.ok()) return Fail(p, rule::kGs1Key, id.status().message());
    return std::move(id).value();
  }
  Result<std::vector<std::string>> IdList(const json& v, const std::string& p) {
    if (!v.is_array()) return Fail(p, rule::kType, "must be an array");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      TXNG_ASSIGN_OR_RETURN(std::string id, Id(v[i], Child(p, i)));
      out.push_back(std::move(id));
    }
    return out;
  }
  Result<std::string> Vocab(Vocabulary vocabulary, const json& v, const std::string& p) {
    TXNG_ASSIGN_OR_RETURN(std::string s, String(v, p));
    Result<std::string> value = NormalizeVocabulary(vocabulary, ns_.ExpandValue(s, true));
    if (!value.ok()) return Fail(p, rule::kCbv, value.status().message());
    return std::move(value).value();
  }
  Result<std::string> Time(const json& v, const std::string& p) {
    TXNG_ASSIGN_OR_RETURN(std::string s, String(v, p));
    Result<Instant> parsed = ParseTimestamp(s);
    if (!parsed.ok()) return Fail(p, rule::kTimestamp, parsed.status().message());
    return s;
  }
  Result<double> Number(const json& v, const std::string& p) {
    if (!v.is_number()) return Fail(p, rule::kType, "must be a number");
    return v.get<double>();
  }
  Result<bool> Bool(const json& v, const std::string& p) {
    if (!v.is_boolean()) return Fail(p, rule::kType, "must be true or false");
    return v.get<bool>();
  }

  Result<Value> ExtensionValue(const json& v, const std::string& p);
  // Adds the member `key` of an object to `out` as an extension when it is
  // namespaced; fails with unknown-field when it is a plain name.
  Status Extension(const std::string& key, const json& v, const std::string& p, Extensions* out,
                   bool allow_plain);
  // Decodes the members of object `v` with `field` for standard names; the
  // other members become extensions.
  Status Members(const json& v, const std::string& p, Extensions* extensions,
                 const std::function<Result<bool>(const std::string&, const json&,
                                                  const std::string&)>& field);

  Result<std::vector<QuantityElement>> Quantities(const json& v, const std::string& p);
  Result<Location> LocationOf(const json& v, const std::string& p);
  Result<std::vector<TypedId>> TypedIds(const json& v, const std::string& p,
                                        std::string_view id_member, Vocabulary vocabulary);
  Result<std::vector<SensorElement>> Sensors(const json& v, const std::string& p);
  Result<ErrorDeclaration> ErrorDecl(const json& v, const std::string& p);
  Result<PersistentDisposition> Persistent(const json& v, const std::string& p);
  Result<bool> EventField(Event& e, const std::string& key, const json& v, const std::string& p);

  const Namespaces& ns_;
  std::size_t index_;
  std::string base_;
};

Result<Value> EventDecoder::ExtensionValue(const json& v, const std::string& p) {
  if (v.is_object()) {
    Value out = Value::object();
    for (const auto& [key, value] : v.items()) {
      std::string at = Child(p, key);
      Result<std::optional<std::string>> name = ns_.ExpandName(key, at);
      if (!name.ok()) return WithEvent(name.status());
      TXNG_ASSIGN_OR_RETURN(Value child, ExtensionValue(value, at));
      out[name->value_or(key)] = std::move(child);
    }
    return out;
  }
  if (v.is_array()) {
    Value out = Value::array();
    for (std::size_t i = 0; i < v.size(); ++i) {
      TXNG_ASSIGN_OR_RETURN(Value child, ExtensionValue(v[i], Child(p, i)));
      out.push_back(std::move(child));
    }
    return out;
  }
  if (v.is_string()) return Value(ns_.ExpandValue(v.get_ref<const std::string&>(), true));
  return Value::parse(v.dump());
}

Status EventDecoder::Extension(const std::string& key, const json& v, const std::string& p,
                               Extensions* out, bool allow_plain) {
  Result<std::optional<std::string>> name = ns_.ExpandName(key, p);
  if (!name.ok()) return WithEvent(name.status());
  if (!name->has_value() && !allow_plain) {
    return Fail(p, rule::kUnknownField,
                "\"" + key + "\" is not a standard field; extensions need a namespace prefix");
  }
  TXNG_ASSIGN_OR_RETURN(Value value, ExtensionValue(v, p));
  out->push_back({name->value_or(key), std::move(value)});
  return Status::Ok();
}

Status EventDecoder::Members(
    const json& v, const std::string& p, Extensions* extensions,
    const std::function<Result<bool>(const std::string&, const json&, const std::string&)>& field) {
  if (!v.is_object()) return Fail(p, rule::kType, "must be an object");
  for (const auto& [key, value] : v.items()) {
    std::string at = Child(p, key);
    TXNG_ASSIGN_OR_RETURN(bool known, field(key, value, at));
    if (!known) TXNG_RETURN_IF_ERROR(Extension(key, value, at, extensions, false));
  }
  return Status::Ok();
}

Result<std::vector<QuantityElement>> EventDecoder::Quantities(const json& v, const std::string& p) {
  if (!v.is_array()) return Fail(p, rule::kType, "must be an array");
  std::vector<QuantityElement> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::string at = Child(p, i);
    if (!v[i].is_object()) return Fail(at, rule::kType, "must be an object");
    QuantityElement q;
    for (const auto& [key, value] : v[i].items()) {
      std::string vat = Child(at, key);
      if (key == "epcClass") {
        TXNG_ASSIGN_OR_RETURN(q.epc_class, Id(value, vat));
      } else if (key == "quantity") {
        TXNG_ASSIGN_OR_RETURN(q.quantity, Number(value, vat));
      } else if (key == "uom") {
        TXNG_ASSIGN_OR_RETURN(q.uom, String(value, vat));
      } else {
        return Fail(vat, rule::kUnknownField, "a quantity element has epcClass, quantity, uom");
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

Result<Location> EventDecoder::LocationOf(const json& v, const std::string& p) {
  Location loc;
  TXNG_RETURN_IF_ERROR(Members(
      v, p, &loc.extensions,
      [&](const std::string& key, const json& value, const std::string& at) -> Result<bool> {
        if (key != "id") return false;
        TXNG_ASSIGN_OR_RETURN(loc.id, Id(value, at));
        return true;
      }));
  if (loc.id.empty()) return Fail(Child(p, "id"), rule::kRequired, "a location needs an id");
  return loc;
}

Result<std::vector<TypedId>> EventDecoder::TypedIds(const json& v, const std::string& p,
                                                    std::string_view id_member,
                                                    Vocabulary vocabulary) {
  if (!v.is_array()) return Fail(p, rule::kType, "must be an array");
  std::vector<TypedId> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::string at = Child(p, i);
    if (!v[i].is_object()) return Fail(at, rule::kType, "must be an object");
    TypedId t;
    for (const auto& [key, value] : v[i].items()) {
      std::string vat = Child(at, key);
      if (key == "type") {
        TXNG_ASSIGN_OR_RETURN(t.type, Vocab(vocabulary, value, vat));
      } else if (key == id_member) {
        TXNG_ASSIGN_OR_RETURN(t.id, Id(value, vat));
      } else {
        return Fail(vat, rule::kUnknownField,
                    "expected type and " + std::string(id_member) + ", got " + key);
      }
    }
    if (t.id.empty()) {
      return Fail(Child(at, id_member), rule::kRequired, std::string(id_member) + " is required");
    }
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<SensorElement>> EventDecoder::Sensors(const json& v, const std::string& p) {
  if (!v.is_array()) return Fail(p, rule::kType, "must be an array");
  std::vector<SensorElement> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    SensorElement element;
    auto metadata_field = [&](SensorMetadata& m, const std::string& key, const json& value,
                              const std::string& at) -> Result<bool> {
      if (key == "time") {
        TXNG_ASSIGN_OR_RETURN(m.time, Time(value, at));
      } else if (key == "startTime") {
        TXNG_ASSIGN_OR_RETURN(m.start_time, Time(value, at));
      } else if (key == "endTime") {
        TXNG_ASSIGN_OR_RETURN(m.end_time, Time(value, at));
      } else if (key == "deviceID") {
        TXNG_ASSIGN_OR_RETURN(m.device_id, Id(value, at));
      } else if (key == "deviceMetadata") {
        TXNG_ASSIGN_OR_RETURN(m.device_metadata, Id(value, at));
      } else if (key == "rawData") {
        TXNG_ASSIGN_OR_RETURN(m.raw_data, Id(value, at));
      } else if (key == "dataProcessingMethod") {
        TXNG_ASSIGN_OR_RETURN(m.data_processing_method, Id(value, at));
      } else if (key == "bizRules") {
        TXNG_ASSIGN_OR_RETURN(m.biz_rules, Id(value, at));
      } else {
        return false;
      }
      return true;
    };
    auto report_field = [&](SensorReport& r, const std::string& key, const json& value,
                            const std::string& at) -> Result<bool> {
      using Str = std::string SensorReport::*;
      using Num = std::optional<double> SensorReport::*;
      static const std::map<std::string, Str> kIds = {
          {"deviceID", &SensorReport::device_id},
          {"deviceMetadata", &SensorReport::device_metadata},
          {"rawData", &SensorReport::raw_data},
          {"dataProcessingMethod", &SensorReport::data_processing_method},
          {"bizRules", &SensorReport::biz_rules},
          {"microorganism", &SensorReport::microorganism},
          {"chemicalSubstance", &SensorReport::chemical_substance},
          {"coordinateReferenceSystem", &SensorReport::coordinate_reference_system},
          {"uriValue", &SensorReport::uri_value}};
      static const std::map<std::string, Str> kStrings = {
          {"stringValue", &SensorReport::string_value},
          {"hexBinaryValue", &SensorReport::hex_binary_value},
          {"uom", &SensorReport::uom}};
      static const std::map<std::string, Num> kNumbers = {
          {"value", &SensorReport::value},         {"minValue", &SensorReport::min_value},
          {"maxValue", &SensorReport::max_value},  {"meanValue", &SensorReport::mean_value},
          {"sDev", &SensorReport::s_dev},          {"percRank", &SensorReport::perc_rank},
          {"percValue", &SensorReport::perc_value}};
      if (auto it = kIds.find(key); it != kIds.end()) {
        TXNG_ASSIGN_OR_RETURN(r.*(it->second), Id(value, at));
      } else if (auto st = kStrings.find(key); st != kStrings.end()) {
        TXNG_ASSIGN_OR_RETURN(r.*(st->second), String(value, at));
      } else if (auto nu = kNumbers.find(key); nu != kNumbers.end()) {
        TXNG_ASSIGN_OR_RETURN(r.*(nu->second), Number(value, at));
      } else if (key == "type") {
        TXNG_ASSIGN_OR_RETURN(r.type, Vocab(Vocabulary::kMeasurementType, value, at));
      } else if (key == "exception") {
        TXNG_ASSIGN_OR_RETURN(r.exception, Vocab(Vocabulary::kSensorAlertType, value, at));
      } else if (key == "component") {
        TXNG_ASSIGN_OR_RETURN(r.component, Vocab(Vocabulary::kSensorComponent, value, at));
      } else if (key == "time") {
        TXNG_ASSIGN_OR_RETURN(r.time, Time(value, at));
      } else if (key == "booleanValue") {
        TXNG_ASSIGN_OR_RETURN(r.boolean_value, Bool(value, at));
      } else {
        return false;
      }
      return true;
    };
    std::string at = Child(p, i);
    TXNG_RETURN_IF_ERROR(Members(
        v[i], at, &element.extensions,
        [&](const std::string& key, const json& value, const std::string& kat) -> Result<bool> {
          if (key == "sensorMetadata") {
            SensorMetadata m;
            TXNG_RETURN_IF_ERROR(
                Members(value, kat, &m.extensions,
                        [&](const std::string& k, const json& val, const std::string& a) {
                          return metadata_field(m, k, val, a);
                        }));
            element.metadata = std::move(m);
            return true;
          }
          if (key != "sensorReport") return false;
          if (!value.is_array()) return Fail(kat, rule::kType, "must be an array");
          for (std::size_t r = 0; r < value.size(); ++r) {
            SensorReport report;
            TXNG_RETURN_IF_ERROR(
                Members(value[r], Child(kat, r), &report.extensions,
                        [&](const std::string& k, const json& val, const std::string& a) {
                          return report_field(report, k, val, a);
                        }));
            element.reports.push_back(std::move(report));
          }
          return true;
        }));
    out.push_back(std::move(element));
  }
  return out;
}

Result<ErrorDeclaration> EventDecoder::ErrorDecl(const json& v, const std::string& p) {
  ErrorDeclaration d;
  TXNG_RETURN_IF_ERROR(Members(
      v, p, &d.extensions,
      [&](const std::string& key, const json& value, const std::string& at) -> Result<bool> {
        if (key == "declarationTime") {
          TXNG_ASSIGN_OR_RETURN(d.declaration_time, Time(value, at));
        } else if (key == "reason") {
          TXNG_ASSIGN_OR_RETURN(d.reason, Vocab(Vocabulary::kErrorReason, value, at));
        } else if (key == "correctiveEventIDs") {
          if (!value.is_array()) return Fail(at, rule::kType, "must be an array");
          for (std::size_t i = 0; i < value.size(); ++i) {
            TXNG_ASSIGN_OR_RETURN(std::string id, String(value[i], Child(at, i)));
            d.corrective_event_ids.push_back(std::move(id));
          }
        } else {
          return false;
        }
        return true;
      }));
  return d;
}

Result<PersistentDisposition> EventDecoder::Persistent(const json& v, const std::string& p) {
  if (!v.is_object()) return Fail(p, rule::kType, "must be an object");
  PersistentDisposition pd;
  for (const auto& [key, value] : v.items()) {
    std::string at = Child(p, key);
    if (key != "set" && key != "unset") {
      return Fail(at, rule::kUnknownField, "persistentDisposition has set and unset");
    }
    if (!value.is_array()) return Fail(at, rule::kType, "must be an array");
    for (std::size_t i = 0; i < value.size(); ++i) {
      TXNG_ASSIGN_OR_RETURN(std::string d, Vocab(Vocabulary::kDisposition, value[i], Child(at, i)));
      (key == "set" ? pd.set : pd.unset).push_back(std::move(d));
    }
  }
  return pd;
}

Result<bool> EventDecoder::EventField(Event& e, const std::string& key, const json& v,
                                      const std::string& p) {
  if (key == "type" || key == "@context") return true;  // handled by Decode
  if (key == "eventID") {
    TXNG_ASSIGN_OR_RETURN(e.event_id, String(v, p));
  } else if (key == "eventTime") {
    TXNG_ASSIGN_OR_RETURN(e.event_time, Time(v, p));
  } else if (key == "recordTime") {
    TXNG_ASSIGN_OR_RETURN(e.record_time, Time(v, p));
  } else if (key == "eventTimeZoneOffset") {
    TXNG_ASSIGN_OR_RETURN(e.event_time_zone_offset, String(v, p));
  } else if (key == "certificationInfo") {
    if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        TXNG_ASSIGN_OR_RETURN(std::string c, Id(v[i], Child(p, i)));
        e.certification_info.push_back(std::move(c));
      }
    } else {
      TXNG_ASSIGN_OR_RETURN(std::string c, Id(v, p));
      e.certification_info.push_back(std::move(c));
    }
  } else if (key == "errorDeclaration") {
    TXNG_ASSIGN_OR_RETURN(e.error_declaration, ErrorDecl(v, p));
  } else if (key == "parentID") {
    TXNG_ASSIGN_OR_RETURN(e.parent_id, Id(v, p));
  } else if (key == "epcList") {
    TXNG_ASSIGN_OR_RETURN(e.epc_list, IdList(v, p));
  } else if (key == "childEPCs") {
    TXNG_ASSIGN_OR_RETURN(e.child_epcs, IdList(v, p));
  } else if (key == "inputEPCList") {
    TXNG_ASSIGN_OR_RETURN(e.input_epc_list, IdList(v, p));
  } else if (key == "outputEPCList") {
    TXNG_ASSIGN_OR_RETURN(e.output_epc_list, IdList(v, p));
  } else if (key == "quantityList") {
    TXNG_ASSIGN_OR_RETURN(e.quantity_list, Quantities(v, p));
  } else if (key == "childQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.child_quantity_list, Quantities(v, p));
  } else if (key == "inputQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.input_quantity_list, Quantities(v, p));
  } else if (key == "outputQuantityList") {
    TXNG_ASSIGN_OR_RETURN(e.output_quantity_list, Quantities(v, p));
  } else if (key == "action") {
    TXNG_ASSIGN_OR_RETURN(std::string a, String(v, p));
    std::optional<Action> action = ActionFromName(a);
    if (!action) return Fail(p, rule::kAction, "action must be ADD, OBSERVE or DELETE, got " + a);
    e.action = *action;
  } else if (key == "transformationID") {
    TXNG_ASSIGN_OR_RETURN(e.transformation_id, Id(v, p));
  } else if (key == "bizStep") {
    TXNG_ASSIGN_OR_RETURN(e.biz_step, Vocab(Vocabulary::kBizStep, v, p));
  } else if (key == "disposition") {
    TXNG_ASSIGN_OR_RETURN(e.disposition, Vocab(Vocabulary::kDisposition, v, p));
  } else if (key == "persistentDisposition") {
    TXNG_ASSIGN_OR_RETURN(e.persistent_disposition, Persistent(v, p));
  } else if (key == "readPoint") {
    TXNG_ASSIGN_OR_RETURN(e.read_point, LocationOf(v, p));
  } else if (key == "bizLocation") {
    TXNG_ASSIGN_OR_RETURN(e.biz_location, LocationOf(v, p));
  } else if (key == "bizTransactionList") {
    TXNG_ASSIGN_OR_RETURN(e.biz_transactions,
                          TypedIds(v, p, "bizTransaction", Vocabulary::kBizTransactionType));
  } else if (key == "sourceList") {
    TXNG_ASSIGN_OR_RETURN(e.sources, TypedIds(v, p, "source", Vocabulary::kSourceDestType));
  } else if (key == "destinationList") {
    TXNG_ASSIGN_OR_RETURN(e.destinations,
                          TypedIds(v, p, "destination", Vocabulary::kSourceDestType));
  } else if (key == "sensorElementList") {
    TXNG_ASSIGN_OR_RETURN(e.sensor_elements, Sensors(v, p));
  } else if (key == "ilmd") {
    if (!v.is_object()) return Fail(p, rule::kType, "must be an object");
    Extensions ilmd;
    for (const auto& [k, value] : v.items()) {
      TXNG_RETURN_IF_ERROR(Extension(k, value, Child(p, k), &ilmd, true));
    }
    e.ilmd = std::move(ilmd);
  } else {
    return false;
  }
  return true;
}

Result<Event> EventDecoder::Decode(const json& j) {
  if (!j.is_object()) return Fail(base_, rule::kType, "an event must be an object");
  auto type_it = j.find("type");
  if (type_it == j.end()) return Fail(Child(base_, "type"), rule::kRequired, "type is required");
  if (!type_it->is_string()) return Fail(Child(base_, "type"), rule::kType, "must be a string");
  std::optional<EventType> type = EventTypeFromName(type_it->get<std::string>());
  if (!type) {
    return Fail(Child(base_, "type"), rule::kEventType,
                "unknown event type \"" + type_it->get<std::string>() + "\"");
  }
  Event event;
  event.type = *type;
  TXNG_RETURN_IF_ERROR(
      Members(j, base_, &event.extensions,
              [&](const std::string& key, const json& value, const std::string& at) {
                return EventField(event, key, value, at);
              }));
  TXNG_RETURN_IF_ERROR(ValidateEvent(event, index_, base_));
  return event;
}

Status DocFail(const std::string& pointer, std::string_view rule_name, std::string_view detail) {
  return ValidationError(std::nullopt, pointer, rule_name, detail);
}

Result<std::string> DocString(const json& j, std::string_view key, const std::string& pointer) {
  auto it = j.find(key);
  if (it == j.end()) return std::string();
  if (!it->is_string()) return DocFail(Child(pointer, key), rule::kType, "must be a string");
  return it->get<std::string>();
}

Result<Event> DecodeListedEvent(const json& list, std::size_t i, const std::string& pointer,
                                const Namespaces& ns) {
  // An event's own @context adds to the document's, for that event only.
  const Namespaces* scope = &ns;
  Namespaces local;
  if (list[i].is_object() && list[i].contains("@context")) {
    local = ns;
    TXNG_RETURN_IF_ERROR(
        local.Add(list[i]["@context"], Child(Child(pointer, i), "@context"), nullptr));
    scope = &local;
  }
  return EventDecoder(*scope, i, Child(pointer, i)).Decode(list[i]);
}

// With `rejected`, an event that does not decode is reported there and left
// out; without, it fails the list.
Status DecodeEvents(const json& list, const std::string& pointer, const Namespaces& ns,
                    std::vector<Event>* out, std::vector<EventError>* rejected) {
  if (!list.is_array()) return DocFail(pointer, rule::kType, "eventList must be an array");
  for (std::size_t i = 0; i < list.size(); ++i) {
    Result<Event> event = DecodeListedEvent(list, i, pointer, ns);
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

// Document-level members that are neither standard nor handled: kept as
// extensions (Clark names, plain names as they are).
Status KeepMember(const Namespaces& ns, const std::string& key, const json& value,
                  const std::string& pointer, Extensions* out) {
  TXNG_ASSIGN_OR_RETURN(std::optional<std::string> name, ns.ExpandName(key, pointer));
  json kept = value;
  // ignoreFields (CBV 2.0 event hash) lists member names: expand them too.
  if (name && name->ends_with("}ignoreFields") && value.is_array()) {
    kept = json::array();
    for (const json& item : value) {
      if (!item.is_string()) return DocFail(pointer, rule::kType, "must list member names");
      TXNG_ASSIGN_OR_RETURN(std::optional<std::string> field,
                            ns.ExpandName(item.get<std::string>(), pointer));
      kept.push_back(field.value_or(item.get<std::string>()));
    }
  }
  out->push_back({name.value_or(key), Value::parse(kept.dump())});
  return Status::Ok();
}

Result<Document> DecodeValue(const json& j, std::vector<EventError>* rejected) {
  if (!j.is_object()) return DocFail("", rule::kType, "an EPCIS document must be a JSON object");
  Document doc;
  Namespaces ns;
  if (auto ctx = j.find("@context"); ctx != j.end()) {
    TXNG_RETURN_IF_ERROR(ns.Add(*ctx, "/@context", &doc.namespaces));
  }
  TXNG_ASSIGN_OR_RETURN(std::string type, DocString(j, "type", ""));
  if (EventTypeFromName(type)) {
    doc.kind = DocumentKind::kSingleEvent;
    TXNG_ASSIGN_OR_RETURN(Event event, EventDecoder(ns, 0, "").Decode(j));
    doc.events.push_back(std::move(event));
    return doc;
  }
  if (type == "EPCISDocument") {
    doc.kind = DocumentKind::kDocument;
  } else if (type == "EPCISQueryDocument") {
    doc.kind = DocumentKind::kQueryDocument;
  } else {
    return DocFail(
        "/type", rule::kEventType,
        "expected EPCISDocument, EPCISQueryDocument or an event type, got \"" + type + "\"");
  }
  for (const auto& [key, value] : j.items()) {
    std::string at = Child("", key);
    if (key == "@context" || key == "type") continue;
    if (key == "id") {
      TXNG_ASSIGN_OR_RETURN(doc.id, DocString(j, key, ""));
    } else if (key == "schemaVersion") {
      TXNG_ASSIGN_OR_RETURN(doc.schema_version, DocString(j, key, ""));
    } else if (key == "creationDate") {
      TXNG_ASSIGN_OR_RETURN(doc.creation_date, DocString(j, key, ""));
      if (!ParseTimestamp(doc.creation_date).ok()) {
        return DocFail(at, rule::kTimestamp, "creationDate must be a date-time with a time zone");
      }
    } else if (key == "epcisHeader") {
      doc.header = Value::parse(value.dump());
    } else if (key != "epcisBody") {
      TXNG_RETURN_IF_ERROR(KeepMember(ns, key, value, at, &doc.extensions));
    }
  }
  if (!j.contains("@context")) {
    return DocFail("/@context", rule::kRequired, "an EPCIS document needs an @context");
  }
  if (doc.kind == DocumentKind::kDocument && doc.schema_version.empty()) {
    return DocFail("/schemaVersion", rule::kRequired, "an EPCISDocument needs a schemaVersion");
  }
  if (doc.kind == DocumentKind::kDocument && doc.creation_date.empty()) {
    return DocFail("/creationDate", rule::kRequired, "an EPCISDocument needs a creationDate");
  }
  auto body = j.find("epcisBody");
  if (body == j.end() || !body->is_object()) {
    return DocFail("/epcisBody", rule::kRequired, "epcisBody (an object) is required");
  }
  if (doc.kind == DocumentKind::kDocument) {
    if (auto list = body->find("eventList"); list != body->end()) {
      TXNG_RETURN_IF_ERROR(DecodeEvents(*list, "/epcisBody/eventList", ns, &doc.events, rejected));
      return doc;
    }
    return DocFail("/epcisBody/eventList", rule::kRequired, "epcisBody needs an eventList");
  }
  auto results = body->find("queryResults");
  if (results == body->end() || !results->is_object()) {
    return DocFail("/epcisBody/queryResults", rule::kRequired,
                   "an EPCISQueryDocument needs epcisBody.queryResults");
  }
  const std::string rp = "/epcisBody/queryResults";
  for (const auto& [key, value] : results->items()) {
    if (key == "queryName") {
      TXNG_ASSIGN_OR_RETURN(doc.query_name, DocString(*results, key, rp));
    } else if (key == "subscriptionID") {
      TXNG_ASSIGN_OR_RETURN(doc.subscription_id, DocString(*results, key, rp));
    } else if (key != "resultsBody") {
      TXNG_RETURN_IF_ERROR(KeepMember(ns, key, value, Child(rp, key), &doc.extensions));
    }
  }
  auto rb = results->find("resultsBody");
  if (rb == results->end() || !rb->is_object() || !rb->contains("eventList")) {
    return DocFail(rp + "/resultsBody/eventList", rule::kRequired,
                   "queryResults needs resultsBody.eventList");
  }
  TXNG_RETURN_IF_ERROR(
      DecodeEvents((*rb)["eventList"], rp + "/resultsBody/eventList", ns, &doc.events, rejected));
  return doc;
}

}  // namespace

Result<Document> DecodeJsonValue(const nlohmann::ordered_json& j) {
  return DecodeValue(j, nullptr);
}

Result<Document> DecodeJsonDocument(std::string_view text) {
  return DecodeJsonDocument(text, nullptr);
}

Result<Document> DecodeJsonDocument(std::string_view text, std::vector<EventError>* rejected) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    return ValidationError(std::nullopt, "", rule::kSyntax,
                           "malformed JSON at byte " + std::to_string(e.byte));
  }
  return DecodeValue(j, rejected);
}

}  // namespace txng::epcis
