#include "epcis/event_hash.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "epcis/sha256.h"
#include "epcis/timestamp.h"

namespace txng::epcis {
namespace {

using nlohmann::json;

constexpr std::string_view kRdfsComment = "{http://www.w3.org/2000/01/rdf-schema#}comment";

std::string UtcTime(const std::string& text) {
  Result<Instant> instant = ParseTimestamp(text);
  return instant.ok() ? FormatUtcMillis(*instant) : text;
}

std::string CanonicalText(std::string_view text);

// "name=value" for a present value (in canonical form), nothing for an
// absent one.
void Field(std::string& out, std::string_view name, const std::string& value) {
  if (value.empty()) return;
  out.append(name).append("=").append(CanonicalText(value));
}
void Field(std::string& out, std::string_view name, const std::optional<double>& value) {
  if (value) Field(out, name, CanonicalNumber(*value));
}
void TimeField(std::string& out, std::string_view name, const std::string& value) {
  if (!value.empty()) out.append(name).append("=").append(UtcTime(value));
}

std::string Joined(std::vector<std::string> parts) {
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// True for a plain decimal number: [+-]digits[.digits][e[+-]digits].
bool IsDecimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

// A value of an extension member in canonical form: trimmed, CBV URNs as Web
// URIs, numbers canonical, GS1 identifiers as canonical Digital Link URIs.
std::string CanonicalText(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  std::string value = CbvUrnToWebUri(text);
  // Every value that reads as a number is written as the number it reads as
  // (a double): "26.0" and "26" hash alike, and so do long digit strings
  // that round to the same double, as in the CBV 2.0 vectors.
  if (IsDecimal(value)) {
    double d = 0;
    std::from_chars(value.data() + (value[0] == '+'), value.data() + value.size(), d);
    return CanonicalNumber(d);
  }
  Result<std::string> id = NormalizeIdentifier(value);
  return id.ok() ? std::move(id).value() : value;
}

// The pre-hash strings of extension member `name` with `value` (one per
// array element), appended to `out`.
void ExtensionStrings(const std::string& name, const json& value, std::vector<std::string>& out) {
  if (name == kRdfsComment) return;
  if (value.is_array()) {
    for (const json& item : value) ExtensionStrings(name, item, out);
    return;
  }
  std::string s = name;
  if (value.is_object()) {
    std::vector<std::string> children;
    for (const auto& [key, child] : value.items()) ExtensionStrings(key, child, children);
    s += Joined(std::move(children));
  } else if (value.is_string()) {
    std::string text = CanonicalText(value.get_ref<const std::string&>());
    if (!text.empty()) s += "=" + text;
  } else if (value.is_boolean()) {
    s += value.get<bool>() ? "=true" : "=false";
  } else if (value.is_number()) {
    s += "=" + CanonicalNumber(value.get<double>());
  }
  out.push_back(std::move(s));
}

std::string ExtensionsString(const Extensions& extensions) {
  std::vector<std::string> parts;
  for (const Extension& e : extensions) ExtensionStrings(e.name, e.value, parts);
  return Joined(std::move(parts));
}

void EpcList(std::string& out, std::string_view name, const std::vector<std::string>& list) {
  if (list.empty()) return;
  std::vector<std::string> parts;
  for (const std::string& epc : list) parts.push_back("epc=" + epc);
  out.append(name).append(Joined(std::move(parts)));
}

void QuantityList(std::string& out, std::string_view name,
                  const std::vector<QuantityElement>& list) {
  if (list.empty()) return;
  std::vector<std::string> parts;
  for (const QuantityElement& q : list) {
    std::string s = "quantityElement";
    Field(s, "epcClass", q.epc_class);
    Field(s, "quantity", q.quantity);
    Field(s, "uom", q.uom);
    parts.push_back(std::move(s));
  }
  out.append(name).append(Joined(std::move(parts)));
}

void LocationField(std::string& out, std::string_view name, const std::optional<Location>& loc) {
  if (!loc) return;
  out.append(name);
  Field(out, "id", loc->id);
  out += ExtensionsString(loc->extensions);
}

std::string TypedIdList(std::string_view name, std::string_view id_name,
                        const std::vector<TypedId>& list) {
  std::vector<std::string> parts;
  for (const TypedId& t : list) {
    std::string s;
    Field(s, "type", t.type);
    Field(s, id_name, t.id);
    parts.push_back(std::move(s));
  }
  return std::string(name) + Joined(std::move(parts));
}

std::string MetadataString(const SensorMetadata& m) {
  std::string s = "sensorMetadata";
  TimeField(s, "time", m.time);
  TimeField(s, "startTime", m.start_time);
  TimeField(s, "endTime", m.end_time);
  Field(s, "deviceID", m.device_id);
  Field(s, "deviceMetadata", m.device_metadata);
  Field(s, "rawData", m.raw_data);
  Field(s, "dataProcessingMethod", m.data_processing_method);
  Field(s, "bizRules", m.biz_rules);
  return s + ExtensionsString(m.extensions);
}

std::string ReportString(const SensorReport& r) {
  std::string s = "sensorReport";
  Field(s, "type", r.type);
  Field(s, "exception", r.exception);
  Field(s, "deviceID", r.device_id);
  Field(s, "deviceMetadata", r.device_metadata);
  Field(s, "rawData", r.raw_data);
  Field(s, "dataProcessingMethod", r.data_processing_method);
  TimeField(s, "time", r.time);
  Field(s, "microorganism", r.microorganism);
  Field(s, "chemicalSubstance", r.chemical_substance);
  Field(s, "value", r.value);
  Field(s, "component", r.component);
  Field(s, "stringValue", r.string_value);
  if (r.boolean_value) Field(s, "booleanValue", std::string(*r.boolean_value ? "true" : "false"));
  Field(s, "hexBinaryValue", r.hex_binary_value);
  Field(s, "uriValue", r.uri_value);
  Field(s, "minValue", r.min_value);
  Field(s, "maxValue", r.max_value);
  Field(s, "meanValue", r.mean_value);
  Field(s, "sDev", r.s_dev);
  Field(s, "percRank", r.perc_rank);
  Field(s, "percValue", r.perc_value);
  Field(s, "uom", r.uom);
  Field(s, "coordinateReferenceSystem", r.coordinate_reference_system);
  return s + ExtensionsString(r.extensions);
}

void SensorElements(std::string& out, const std::vector<SensorElement>& elements) {
  if (elements.empty()) return;
  std::vector<std::string> parts;
  for (const SensorElement& e : elements) {
    std::string s = "sensorElement";
    if (e.metadata) s += MetadataString(*e.metadata);
    std::vector<std::string> reports;
    for (const SensorReport& r : e.reports) reports.push_back(ReportString(r));
    s += Joined(std::move(reports));
    s += ExtensionsString(e.extensions);
    parts.push_back(std::move(s));
  }
  out.append("sensorElementList").append(Joined(std::move(parts)));
}

// Fields of sensor reports outside the canonical order (bizRules): they
// join the event's other remaining fields as a sensorElementList of their
// own that holds only them; empty when there are none.
std::string SensorLeftovers(const std::vector<SensorElement>& elements) {
  std::vector<std::string> parts;
  for (const SensorElement& e : elements) {
    std::vector<std::string> reports;
    for (const SensorReport& r : e.reports) {
      if (!r.biz_rules.empty())
        reports.push_back("sensorReportbizRules=" + CanonicalText(r.biz_rules));
    }
    if (!reports.empty()) parts.push_back("sensorElement" + Joined(std::move(reports)));
  }
  return parts.empty() ? std::string() : "sensorElementList" + Joined(std::move(parts));
}

}  // namespace

std::string CanonicalNumber(double value) {
  if (!std::isfinite(value)) return value > 0 ? "inf" : (value < 0 ? "-inf" : "nan");
  char buf[400];
  if (value == std::floor(value)) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return value == 0 ? "0" : buf;
  }
  // Shortest round-trip digits, then Python's repr layout.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, end);  // e.g. "-1.2345e-05"
  std::size_t e = sci.find('e');
  int exponent = std::stoi(sci.substr(e + 1));
  std::string mantissa = sci.substr(0, e);
  bool negative = mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  std::string out;
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (static_cast<std::size_t>(exponent + 1) >= digits.size()) {
      out = digits + std::string(exponent + 1 - digits.size(), '0');
    } else {
      out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
    }
  } else {
    std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out = mantissa + buf;
  }
  return negative ? "-" + out : out;
}

EventHashOptions HashOptionsOf(const Document& document) {
  EventHashOptions options;
  for (const Extension& e : document.extensions) {
    if (!e.name.ends_with("}ignoreFields") || !e.value.is_array()) continue;
    for (const json& field : e.value) {
      if (field.is_string()) options.ignored_fields.push_back(field.get<std::string>());
    }
  }
  return options;
}

std::string EventPreHashString(const Event& event, const EventHashOptions& options) {
  std::string out = "eventType=";
  out += EventTypeName(event.type);
  TimeField(out, "eventTime", event.event_time);
  Field(out, "eventTimeZoneOffset", event.event_time_zone_offset);
  {
    std::vector<std::string> certificates;
    for (const std::string& c : event.certification_info) {
      certificates.push_back("certificationInfo=" + c);
    }
    out += Joined(std::move(certificates));
  }
  EpcList(out, "epcList", event.epc_list);
  Field(out, "parentID", event.parent_id);
  EpcList(out, "inputEPCList", event.input_epc_list);
  EpcList(out, "childEPCs", event.child_epcs);
  QuantityList(out, "quantityList", event.quantity_list);
  QuantityList(out, "childQuantityList", event.child_quantity_list);
  QuantityList(out, "inputQuantityList", event.input_quantity_list);
  EpcList(out, "outputEPCList", event.output_epc_list);
  QuantityList(out, "outputQuantityList", event.output_quantity_list);
  Field(out, "action", std::string(ActionName(event.action)));
  Field(out, "transformationID", event.transformation_id);
  Field(out, "bizStep", event.biz_step);
  Field(out, "disposition", event.disposition);
  if (event.persistent_disposition) {
    std::vector<std::string> set, unset;
    for (const std::string& d : event.persistent_disposition->set) set.push_back("set=" + d);
    for (const std::string& d : event.persistent_disposition->unset) unset.push_back("unset=" + d);
    out += "persistentDisposition" + Joined(std::move(set)) + Joined(std::move(unset));
  }
  LocationField(out, "readPoint", event.read_point);
  LocationField(out, "bizLocation", event.biz_location);
  SensorElements(out, event.sensor_elements);

  std::vector<std::string> rest;
  if (!event.biz_transactions.empty()) {
    rest.push_back(TypedIdList("bizTransactionList", "bizTransaction", event.biz_transactions));
  }
  if (!event.sources.empty()) rest.push_back(TypedIdList("sourceList", "source", event.sources));
  if (!event.destinations.empty()) {
    rest.push_back(TypedIdList("destinationList", "destination", event.destinations));
  }
  if (event.ilmd) rest.push_back("ilmd" + ExtensionsString(*event.ilmd));
  if (std::string leftovers = SensorLeftovers(event.sensor_elements); !leftovers.empty()) {
    rest.push_back(std::move(leftovers));
  }
  for (const Extension& e : event.extensions) {
    if (std::find(options.ignored_fields.begin(), options.ignored_fields.end(), e.name) !=
        options.ignored_fields.end()) {
      continue;
    }
    ExtensionStrings(e.name, e.value, rest);
  }
  return out + Joined(std::move(rest));
}

std::string EventHashId(const Event& event, const EventHashOptions& options) {
  return "ni:///sha-256;" + Sha256Hex(EventPreHashString(event, options)) + "?ver=CBV2.0";
}

}  // namespace txng::epcis
