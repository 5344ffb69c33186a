#include "service/epcis_query.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "epcis/timestamp.h"
#include "gs1/check_digit.h"
#include "gs1/epc_uri.h"
#include "service/epcis_query_internal.h"
#include "service/epcis_query_master_data.h"
#include "service/epcis_query_sensor.h"

namespace txng {
namespace {

constexpr int kDefaultPerPage = 30;
constexpr int kMaxPerPage = 1000;

}  // namespace

namespace epcis_query_internal {

Status BadValue(const std::string& name, const std::string& why) {
  return Status::InvalidArgument("query parameter " + name + ": " + why, name);
}

// The '|'-separated values of a parameter; none may be empty.
Result<std::vector<std::string>> Values(const std::string& name, const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = text.find('|', start);
    std::string value = text.substr(start, bar == std::string::npos ? bar : bar - start);
    if (value.empty()) return BadValue(name, "empty value in \"" + text + "\"");
    out.push_back(std::move(value));
    if (bar == std::string::npos) return out;
    start = bar + 1;
  }
}

Result<int> PositiveInt(const std::string& name, const std::string& text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
    return BadValue(name, "must be a positive whole number, got \"" + text + "\"");
  }
  return value;
}

Result<UnixMillis> Time(const std::string& name, const std::string& text) {
  Result<epcis::Instant> instant = epcis::ParseTimestamp(text);
  if (!instant.ok()) {
    return BadValue(name,
                    "must be a date and time with a time zone, such as "
                    "2026-03-01T08:00:00+07:00, got \"" +
                        text + "\"");
  }
  return epcis::ToUnixMillis(*instant);
}

Result<std::vector<std::string>> CbvValues(const std::string& name, const std::string& text,
                                           epcis::Vocabulary vocabulary) {
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
  for (std::string& value : values) {
    Result<std::string> normal = epcis::NormalizeVocabulary(vocabulary, value);
    if (!normal.ok()) return BadValue(name, normal.status().message());
    value = *normal;
  }
  return values;
}

Result<std::vector<std::string>> Identifiers(const std::string& name, const std::string& text) {
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
  for (std::string& value : values) {
    Result<std::string> normal = epcis::NormalizeIdentifier(value);
    if (!normal.ok()) return BadValue(name, normal.status().message());
    value = *normal;
  }
  return values;
}

}  // namespace epcis_query_internal

namespace {

using epcis_query_internal::BadValue;
using epcis_query_internal::CbvValues;
using epcis_query_internal::Identifiers;
using epcis_query_internal::PositiveInt;
using epcis_query_internal::Time;
using epcis_query_internal::Values;

// How an EPC pattern scheme (TDS) lays out its canonical Digital Link URI:
// https://id.gs1.org/<ai>/<key><tail>.
struct PatternLayout {
  std::string_view scheme;
  std::string_view ai;
  // Digits of company prefix and reference together; 0 when the reference
  // has no fixed length (and the key no check digit).
  std::size_t digits;
  bool indicator;         // the reference's first digit leads the key (GTIN, SSCC)
  std::string_view lead;  // text before the key digits (GRAI's "0")
  // Fixed-length digit fields after the reference that extend the key (ITIP
  // piece and total).
  std::size_t extra_fields;
  // The pattern of the last field when it is not part of the key.
  std::string_view tail;
};

constexpr PatternLayout kPatternLayouts[] = {
    {"sgtin", "01", 13, true, "", 0, "/21/*"},  {"sscc", "00", 17, true, "", 0, ""},
    {"sgln", "414", 12, false, "", 0, ""},      {"grai", "8003", 12, false, "0", 0, "*"},
    {"giai", "8004", 0, false, "", 0, ""},      {"gsrn", "8018", 17, false, "", 0, ""},
    {"gsrnp", "8017", 17, false, "", 0, ""},    {"gdti", "253", 12, false, "", 0, "*"},
    {"sgcn", "255", 12, false, "", 0, "*"},     {"cpi", "8010", 0, false, "", 0, "/8011/*"},
    {"ginc", "401", 0, false, "", 0, ""},       {"gsin", "402", 16, false, "", 0, ""},
    {"itip", "8006", 13, true, "", 2, "/21/*"},
};

// The IdMatch patterns of EPC pattern `text` (urn:epc:idpat:…, trailing
// fields '*'): the canonical Digital Link URIs of the identifiers it names,
// wildcards where the pattern has them and where the check digit depends on
// them. With `classes`, the GTINs and lots (…/10/…) of an sgtin pattern.
Result<std::vector<IdMatch>> PatternMatches(const std::string& name, const std::string& text,
                                            bool classes) {
  const std::string_view scheme_name = std::string_view(text).substr(
      14, text.find(':', 14) == std::string::npos ? std::string::npos : text.find(':', 14) - 14);
  const PatternLayout* layout = nullptr;
  for (const PatternLayout& l : kPatternLayouts) {
    if (l.scheme == scheme_name) layout = &l;
  }
  if (layout == nullptr) {
    return Status::Unimplemented("query parameter " + name +
                                 ": EPC patterns are answered for GS1 keys (sgtin, sscc, sgln, "
                                 "grai, giai, gsrn, gsrnp, gdti, sgcn, cpi, ginc, gsin, itip), got "
                                 "\"" +
                                 text + "\"");
  }
  if (classes && layout->scheme != "sgtin") {
    return Status::Unimplemented("query parameter " + name +
                                 ": patterns name classes only as sgtin (GTINs and their lots), "
                                 "got \"" +
                                 text + "\"");
  }
  Result<gs1::EpcUri> parsed = gs1::ParseEpcUri(text);
  if (!parsed.ok()) return BadValue(name, parsed.status().message());
  const std::vector<std::string>& f = parsed->fields;
  const std::size_t concrete = parsed->concrete_fields;
  std::vector<IdMatch> out;
  auto add = [&out](std::string value, bool is_pattern) {
    out.push_back(IdMatch{std::move(value), is_pattern});
  };
  if (concrete == f.size()) {
    // No wildcard: the one identifier.
    Result<std::string> id = epcis::NormalizeIdentifier("urn:epc:id:" + text.substr(14));
    if (!id.ok()) return BadValue(name, id.status().message());
    add(*id, false);
    return out;
  }
  std::string key;
  const bool tail_field = !layout->tail.empty() || layout->scheme == "sgln";
  if (tail_field && concrete + 1 == f.size()) {
    // Only the last field, which is not part of the key, is open: the key's
    // canonical URI (NormalizeIdentifier names it for such patterns).
    Result<std::string> url = epcis::NormalizeIdentifier(text);
    if (!url.ok()) return BadValue(name, url.status().message());
    key = *url;
  } else {
    const std::size_t n = f[0].size();  // when concrete
    const auto any = [](std::size_t count) { return std::string(count, '?'); };
    key = "https://id.gs1.org/" + std::string(layout->ai) + "/" + std::string(layout->lead);
    if (layout->digits == 0) {
      key += concrete >= 1 ? f[0] + "*" : "*";
    } else if (concrete >= 2) {
      const std::string digits =
          layout->indicator ? f[1].substr(0, 1) + f[0] + f[1].substr(1) : f[0] + f[1];
      key += digits + *gs1::Mod10CheckDigit(digits);
    } else if (concrete == 1) {
      key += (layout->indicator ? "?" : "") + f[0] +
             any(layout->digits - n - (layout->indicator ? 1 : 0) + 1);
    } else {
      key += any(layout->digits + 1);
    }
    for (std::size_t i = 0; i < layout->extra_fields; ++i) {
      key += concrete > 2 + i ? f[2 + i] : any(2);
    }
  }
  if (classes) {
    add(key, concrete < 2);
    add(key + "/10/*", true);
  } else if (layout->scheme == "sgln") {
    add(key, concrete < 2);  // extension 0: no /254/
    add(key + "/254/*", true);
  } else {
    add(key + std::string(layout->tail), true);
  }
  return out;
}

// A MATCH_ value: an identifier or an EPC pattern.
Result<std::vector<IdMatch>> Match(const std::string& name, const std::string& value,
                                   bool classes) {
  if (value.rfind("urn:epc:idpat:", 0) == 0) return PatternMatches(name, value, classes);
  Result<std::string> normal = epcis::NormalizeIdentifier(value);
  if (!normal.ok()) return BadValue(name, normal.status().message());
  return std::vector<IdMatch>{IdMatch{*normal, false}};
}

Result<std::vector<IdMatch>> Matches(const std::string& name, const std::string& text,
                                     bool classes) {
  TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
  std::vector<IdMatch> out;
  for (const std::string& value : values) {
    TXNG_ASSIGN_OR_RETURN(std::vector<IdMatch> matches, Match(name, value, classes));
    out.insert(out.end(), matches.begin(), matches.end());
  }
  return out;
}

// EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>: the
// type (a CBV word or a URI) is in the parameter's name.
Result<std::optional<LinkMatch>> LinkParameter(const std::string& name, const std::string& text) {
  struct Family {
    std::string_view prefix;
    LinkMatch::Kind kind;
    epcis::Vocabulary vocabulary;
  };
  static constexpr Family kFamilies[] = {
      {"EQ_bizTransaction_", LinkMatch::Kind::kBizTransaction,
       epcis::Vocabulary::kBizTransactionType},
      {"EQ_source_", LinkMatch::Kind::kSource, epcis::Vocabulary::kSourceDestType},
      {"EQ_destination_", LinkMatch::Kind::kDestination, epcis::Vocabulary::kSourceDestType}};
  for (const Family& f : kFamilies) {
    if (name.rfind(f.prefix, 0) != 0) continue;
    const std::string type = name.substr(f.prefix.size());
    if (type.empty()) return BadValue(name, "names no type");
    Result<std::string> normal = epcis::NormalizeVocabulary(f.vocabulary, type);
    if (!normal.ok()) return BadValue(name, normal.status().message());
    LinkMatch match;
    match.kind = f.kind;
    match.type = *normal;
    TXNG_ASSIGN_OR_RETURN(match.values, Identifiers(name, text));
    return std::optional<LinkMatch>(std::move(match));
  }
  return std::optional<LinkMatch>();
}

// EXISTS_ parameters: "true" (or no value) asks for the member, "false"
// leaves the query as it is.
Result<bool> Flag(const std::string& name, const std::string& text) {
  if (text.empty() || text == "true") return true;
  if (text == "false") return false;
  return BadValue(name, "must be true or false, got \"" + text + "\"");
}

Result<double> Number(const std::string& name, const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return BadValue(name, "must be a number, got \"" + text + "\"");
  }
  return value;
}

// An extension field's full name (events.h ExtensionFieldName): an absolute
// IRI or Clark notation.
bool IsFullFieldName(std::string_view name) {
  return name.starts_with("http://") || name.starts_with("https://") || name.starts_with("urn:") ||
         name.starts_with("{");
}

// The extension-field families: <op>_[INNER_][ILMD_|ERROR_DECLARATION_]<field>
// with op EQ, GT, GE, LT, LE or EXISTS. A query URL declares no namespace
// prefixes, so <field> is the full name (events.h ExtensionFieldName: an
// absolute IRI such as https://ns.example.com/epcis/temperature, or
// "{namespace}local"); ILMD members without a namespace go by their plain
// name. Adds the condition to `q` (none for EXISTS_…=false); false for other
// names under these prefixes (sensor and uom families).
Result<bool> ReadExtensionField(EventQuery& q, const std::string& name, const std::string& text) {
  static constexpr std::pair<std::string_view, std::optional<Comparison>> kOps[] = {
      {"EQ_", Comparison::kEq}, {"GT_", Comparison::kGt}, {"GE_", Comparison::kGe},
      {"LT_", Comparison::kLt}, {"LE_", Comparison::kLe}, {"EXISTS_", std::nullopt}};
  FieldMatch m;
  std::string_view rest = name;
  bool found = false;
  for (const auto& [prefix, op] : kOps) {
    if (rest.substr(0, prefix.size()) != prefix) continue;
    rest.remove_prefix(prefix.size());
    m.op = op;
    found = true;
    break;
  }
  if (!found) return false;
  auto take = [&rest](std::string_view word) {
    if (rest.substr(0, word.size()) != word) return false;
    rest.remove_prefix(word.size());
    return true;
  };
  m.nested = take("INNER_");
  if (take("ILMD_")) {
    m.scope = FieldMatch::Scope::kIlmd;
  } else if (take("ERROR_DECLARATION_")) {
    m.scope = FieldMatch::Scope::kErrorDeclaration;
  }
  const bool full = IsFullFieldName(rest);
  const std::size_t colon = rest.find(':');
  const bool curie = !full && colon != std::string_view::npos && colon > 0 &&
                     std::islower(static_cast<unsigned char>(rest[0])) &&
                     std::all_of(rest.begin(), rest.begin() + colon, [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c));
                     });
  if (curie) {
    return BadValue(name,
                    "a query URL declares no namespace prefixes: name the field by its "
                    "namespace IRI and local name, such as "
                    "https://ns.example.com/epcis/myField, not \"" +
                        std::string(rest) + "\"");
  }
  const bool plain = m.scope == FieldMatch::Scope::kIlmd && !rest.empty() &&
                     rest.find_first_of(":/{}") == std::string_view::npos;
  if (!full && !plain) {
    // Without ILMD_ or ERROR_DECLARATION_ the name may be of another
    // family (EQ_value_CEL, EQ_INNER_readPoint_…).
    if (m.scope == FieldMatch::Scope::kEvent) return false;
    return BadValue(name, rest.empty() ? "names no field"
                                       : "names no extension field by its full name (such as "
                                         "https://ns.example.com/epcis/myField): \"" +
                                             std::string(rest) + "\"");
  }
  m.name = ExtensionFieldName(rest);
  if (!m.op) {
    TXNG_ASSIGN_OR_RETURN(bool wanted, Flag(name, text));
    if (!wanted) return true;
  } else if (*m.op == Comparison::kEq) {
    TXNG_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(name, text));
    for (std::string& value : values) m.values.push_back(TypedFieldValue(std::move(value)));
  } else {
    if (text.empty()) return BadValue(name, "needs a value");
    m.values.push_back(TypedFieldValue(text));
  }
  q.field_matches.push_back(std::move(m));
  return true;
}

// The parameters of EventQuery's second group (events.h); false for others.
Result<bool> ReadFieldParameter(EventQuery& q, const std::string& name, const std::string& text) {
  using epcis::Vocabulary;
  static constexpr std::pair<std::string_view, Comparison> kQuantity[] = {
      {"EQ_quantity", Comparison::kEq}, {"GT_quantity", Comparison::kGt},
      {"GE_quantity", Comparison::kGe}, {"LT_quantity", Comparison::kLt},
      {"LE_quantity", Comparison::kLe},
  };
  for (const auto& [quantity_name, op] : kQuantity) {
    if (name != quantity_name) continue;
    TXNG_ASSIGN_OR_RETURN(double value, Number(name, text));
    q.quantity_bounds.push_back({op, value});
    return true;
  }
  if (name == "EQ_persistentDisposition_set") {
    TXNG_ASSIGN_OR_RETURN(q.persistent_disposition_set,
                          CbvValues(name, text, Vocabulary::kDisposition));
  } else if (name == "EQ_persistentDisposition_unset") {
    TXNG_ASSIGN_OR_RETURN(q.persistent_disposition_unset,
                          CbvValues(name, text, Vocabulary::kDisposition));
  } else if (name == "EXISTS_errorDeclaration") {
    TXNG_ASSIGN_OR_RETURN(q.error_declaration, Flag(name, text));
  } else if (name == "GE_errorDeclarationTime") {
    TXNG_ASSIGN_OR_RETURN(q.ge_error_declaration_time, Time(name, text));
  } else if (name == "LT_errorDeclarationTime") {
    TXNG_ASSIGN_OR_RETURN(q.lt_error_declaration_time, Time(name, text));
  } else if (name == "EQ_errorReason") {
    TXNG_ASSIGN_OR_RETURN(q.error_reasons, CbvValues(name, text, Vocabulary::kErrorReason));
  } else if (name == "EQ_correctiveEventID") {
    TXNG_ASSIGN_OR_RETURN(q.corrective_event_ids, Values(name, text));
  } else {
    return ReadExtensionField(q, name, text);
  }
  return true;
}

// Standard families that TXNG does not answer yet: the comparison
// families of names that none of the readers above took, such as the
// extension fields inside sensor data (EQ_SENSORREPORT_…).
bool IsUnansweredStandardParameter(const std::string& name) {
  static constexpr std::string_view kPrefixes[] = {"EQ_", "GT_", "GE_", "LT_", "LE_", "EXISTS_"};
  for (std::string_view prefix : kPrefixes) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

struct Reader {
  EventQueryRequest request;
  std::optional<std::string> order_by;
  std::optional<std::string> order_direction;
  std::optional<PageToken> token;
  bool per_page_set = false;

  Status Read(const std::string& name, const std::string& value) {
    EventQuery& q = request.query;
    using epcis::Vocabulary;
    TXNG_ASSIGN_OR_RETURN(std::optional<LinkMatch> link, LinkParameter(name, value));
    if (link) {
      q.link_matches.push_back(std::move(*link));
      return Status::Ok();
    }
    // The families with names of their own come before the extension
    // fields, whose EQ_<name> would otherwise take EQ_type or EQATTR_….
    TXNG_ASSIGN_OR_RETURN(bool sensor, ReadSensorParameter(name, value, q.sensor));
    if (sensor) return Status::Ok();
    TXNG_ASSIGN_OR_RETURN(bool master_data, ReadMasterDataParameter(name, value, q.master_data));
    if (master_data) return Status::Ok();
    TXNG_ASSIGN_OR_RETURN(bool field, ReadFieldParameter(q, name, value));
    if (field) return Status::Ok();
    if (name == "eventType") {
      TXNG_ASSIGN_OR_RETURN(std::vector<std::string> types, Values(name, value));
      for (const std::string& type : types) {
        std::optional<epcis::EventType> t = epcis::EventTypeFromName(type);
        if (!t) return BadValue(name, "unknown event type \"" + type + "\"");
        q.event_types.push_back(*t);
      }
    } else if (name == "GE_eventTime") {
      TXNG_ASSIGN_OR_RETURN(q.ge_event_time, Time(name, value));
    } else if (name == "LT_eventTime") {
      TXNG_ASSIGN_OR_RETURN(q.lt_event_time, Time(name, value));
    } else if (name == "GE_recordTime") {
      TXNG_ASSIGN_OR_RETURN(q.ge_record_time, Time(name, value));
    } else if (name == "LT_recordTime") {
      TXNG_ASSIGN_OR_RETURN(q.lt_record_time, Time(name, value));
    } else if (name == "EQ_action") {
      TXNG_ASSIGN_OR_RETURN(std::vector<std::string> actions, Values(name, value));
      for (const std::string& action : actions) {
        std::optional<epcis::Action> a = epcis::ActionFromName(action);
        if (!a) return BadValue(name, "must be ADD, OBSERVE or DELETE, got \"" + action + "\"");
        q.actions.push_back(*a);
      }
    } else if (name == "EQ_bizStep") {
      TXNG_ASSIGN_OR_RETURN(q.biz_steps, CbvValues(name, value, Vocabulary::kBizStep));
    } else if (name == "EQ_disposition") {
      TXNG_ASSIGN_OR_RETURN(q.dispositions, CbvValues(name, value, Vocabulary::kDisposition));
    } else if (name == "EQ_readPoint") {
      TXNG_ASSIGN_OR_RETURN(q.read_points, Identifiers(name, value));
    } else if (name == "EQ_bizLocation") {
      TXNG_ASSIGN_OR_RETURN(q.biz_locations, Identifiers(name, value));
    } else if (name == "EQ_transformationID") {
      TXNG_ASSIGN_OR_RETURN(q.transformation_ids, Values(name, value));
    } else if (name == "EQ_eventID") {
      TXNG_ASSIGN_OR_RETURN(q.event_ids, Values(name, value));
    } else if (name == "MATCH_epc") {
      TXNG_ASSIGN_OR_RETURN(q.match_epc, Matches(name, value, false));
    } else if (name == "MATCH_parentID") {
      TXNG_ASSIGN_OR_RETURN(q.match_parent_id, Matches(name, value, false));
    } else if (name == "MATCH_inputEPC") {
      TXNG_ASSIGN_OR_RETURN(q.match_input_epc, Matches(name, value, false));
    } else if (name == "MATCH_outputEPC") {
      TXNG_ASSIGN_OR_RETURN(q.match_output_epc, Matches(name, value, false));
    } else if (name == "MATCH_anyEPC") {
      TXNG_ASSIGN_OR_RETURN(q.match_any_epc, Matches(name, value, false));
    } else if (name == "MATCH_epcClass") {
      TXNG_ASSIGN_OR_RETURN(q.match_epc_class, Matches(name, value, true));
    } else if (name == "MATCH_inputEPCClass") {
      TXNG_ASSIGN_OR_RETURN(q.match_input_epc_class, Matches(name, value, true));
    } else if (name == "MATCH_outputEPCClass") {
      TXNG_ASSIGN_OR_RETURN(q.match_output_epc_class, Matches(name, value, true));
    } else if (name == "MATCH_anyEPCClass") {
      TXNG_ASSIGN_OR_RETURN(q.match_any_epc_class, Matches(name, value, true));
    } else if (name == "orderBy") {
      order_by = value;
    } else if (name == "orderDirection") {
      order_direction = value;
    } else if (name == "eventCountLimit") {
      TXNG_ASSIGN_OR_RETURN(request.event_count_limit, PositiveInt(name, value));
    } else if (name == "maxEventCount") {
      TXNG_ASSIGN_OR_RETURN(request.max_event_count, PositiveInt(name, value));
    } else if (name == "perPage") {
      TXNG_ASSIGN_OR_RETURN(int per_page, PositiveInt(name, value));
      if (per_page > kMaxPerPage) {
        return BadValue(name, "at most " + std::to_string(kMaxPerPage) + ", got " + value);
      }
      q.limit = per_page;
      per_page_set = true;
    } else if (name == "nextPageToken") {
      TXNG_ASSIGN_OR_RETURN(token, DecodePageToken(value));
    } else if (IsUnansweredStandardParameter(name)) {
      return Status::Unimplemented("query parameter " + name + " is not answered yet");
    } else {
      return BadValue(name, "not an EPCIS query parameter");
    }
    return Status::Ok();
  }

  Status Finish() {
    EventQuery& q = request.query;
    if (!per_page_set) q.limit = kDefaultPerPage;
    if (order_by) {
      if (*order_by == "eventTime") {
        q.order = EventOrder::kEventTime;
      } else if (*order_by == "recordTime") {
        q.order = EventOrder::kRecordTime;
      } else if (IsFullFieldName(*order_by)) {
        q.order = EventOrder::kField;
        q.order_field = ExtensionFieldName(*order_by);
      } else {
        return Status::Unimplemented(
            "query parameter orderBy: ordering by \"" + *order_by +
            "\" is not answered yet (eventTime, recordTime, an extension field by its full name)");
      }
      q.descending = true;  // the standard's default direction
    }
    if (order_direction) {
      if (!order_by) return BadValue("orderDirection", "needs orderBy");
      if (*order_direction != "ASC" && *order_direction != "DESC") {
        return BadValue("orderDirection", "must be ASC or DESC, got \"" + *order_direction + "\"");
      }
      q.descending = *order_direction == "DESC";
    }
    if (request.event_count_limit && request.max_event_count) {
      return BadValue("eventCountLimit", "cannot be combined with maxEventCount");
    }
    if (request.event_count_limit && !order_by) {
      return BadValue("eventCountLimit", "needs orderBy");
    }
    if (token) {
      if (token->cursor.field.has_value() != (q.order == EventOrder::kField)) {
        return BadValue("nextPageToken", "was issued for another orderBy");
      }
      q.after = token->cursor;
      if (token->remaining) request.event_count_limit = token->remaining;
    }
    return Status::Ok();
  }
};

}  // namespace

Result<EventQueryAnswer> RunEventQuery(Store& store, EventQueryRequest request,
                                       const Principal& who) {
  EventQuery& q = request.query;
  if (who.anonymous() || who.is(Role::kOfficer)) {
    q.approved_only = true;
  } else if (!who.is(Role::kAdmin) && !who.is(Role::kReviewer)) {
    if (!who.org_id) return Status::PermissionDenied("this account belongs to no organisation");
    q.visible_to_org = *who.org_id;
  }
  if (request.max_event_count && !q.after) {
    // Count past the limit once, on the first page.
    EventQuery probe = q;
    probe.limit = *request.max_event_count + 1;
    TXNG_ASSIGN_OR_RETURN(EventPage all, store.QueryEvents(probe));
    if (all.events.size() > static_cast<std::size_t>(*request.max_event_count)) {
      return Status::PayloadTooLarge(
          "more than maxEventCount=" + std::to_string(*request.max_event_count) +
          " events match; narrow the query");
    }
  }
  if (request.event_count_limit) q.limit = std::min(q.limit, *request.event_count_limit);
  TXNG_ASSIGN_OR_RETURN(EventPage page, store.QueryEvents(q));
  EventQueryAnswer out;
  out.events = std::move(page.events);
  std::optional<int> remaining;
  if (request.event_count_limit) {
    remaining = *request.event_count_limit - static_cast<int>(out.events.size());
  }
  if (page.next && (!remaining || *remaining > 0)) {
    out.next_page_token = EncodePageToken(*page.next, remaining);
  }
  return out;
}

Result<EventQueryRequest> ParseEventQuery(const QueryParams& params) {
  Reader reader;
  for (const auto& [name, value] : params) {
    TXNG_RETURN_IF_ERROR(reader.Read(name, value));
  }
  TXNG_RETURN_IF_ERROR(reader.Finish());
  return std::move(reader.request);
}

// Tokens: "<sort value>.<id>[.<remaining>]", or for orderBy on an extension
// field "x<16 hex digits: the number's bits><hex of the text>.<id>[.…]".
std::string EncodePageToken(const EventCursor& cursor, std::optional<int> remaining) {
  std::string token;
  if (cursor.field) {
    static constexpr char kHex[] = "0123456789abcdef";
    const uint64_t bits = std::bit_cast<uint64_t>(cursor.field->number);
    token = "x";
    for (int shift = 60; shift >= 0; shift -= 4) token += kHex[(bits >> shift) & 0xf];
    for (unsigned char ch : cursor.field->text) {
      token += kHex[ch >> 4];
      token += kHex[ch & 0xf];
    }
  } else {
    token = std::to_string(cursor.sort_value);
  }
  token += "." + std::to_string(cursor.id);
  if (remaining) token += "." + std::to_string(*remaining);
  return token;
}

namespace {

// The FieldSortKey of a token's first part (after its "x"); nullopt when
// it is not one EncodePageToken writes.
std::optional<FieldSortKey> DecodeFieldKey(std::string_view hex) {
  if (hex.size() < 16 || hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (ec != std::errc() || end != hex.data() + i + 2) return std::nullopt;
    bytes += static_cast<char>(value);
  }
  uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(bytes[i]);
  FieldSortKey key;
  key.number = std::bit_cast<double>(bits);
  key.text = bytes.substr(8);
  return key;
}

}  // namespace

Result<PageToken> DecodePageToken(std::string_view token) {
  PageToken out;
  const Status bad =
      BadValue("nextPageToken", "not a token this server issued: \"" + std::string(token) + "\"");
  std::string_view rest = token;
  if (rest.starts_with("x")) {
    const std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return bad;
    out.cursor.field = DecodeFieldKey(rest.substr(1, dot - 1));
    if (!out.cursor.field) return bad;
    // The id and remaining count follow, read below after a placeholder.
    rest.remove_prefix(dot + 1);
  }
  int64_t fields[3] = {0, 0, 0};
  int count = out.cursor.field ? 1 : 0;
  const char* p = rest.data();
  const char* end = rest.data() + rest.size();
  while (count < 3) {
    auto [next, ec] = std::from_chars(p, end, fields[count]);
    if (ec != std::errc()) break;
    ++count;
    p = next;
    if (p == end || *p != '.') break;
    ++p;
  }
  if (p != end || count < 2 || (count == 3 && fields[2] < 1)) return bad;
  out.cursor.sort_value = fields[0];
  out.cursor.id = fields[1];
  if (count == 3) out.remaining = static_cast<int>(fields[2]);
  return out;
}

}  // namespace txng
