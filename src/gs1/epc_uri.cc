#include "gs1/epc_uri.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace txng::gs1 {
namespace {

// How the AI value of a key starts before the company prefix: with nothing,
// with the indicator or extension digit that TDS moves to the front of the
// reference (GTIN, SSCC), or with the filler '0' of a GRAI.
enum class KeyLayout { kPlain, kIndicatorDigit, kLeadingZero };

// The second field: digits (prefix and reference then have a fixed total),
// set 82 or the CPI reference characters (digits, A-Z, '-', '#', '/').
enum class ReferenceRule { kDigits, kCset82, kCpi };

enum class TailRule { kCset82, kDigits, kTwoDigits };

struct TailField {
  std::string_view name;
  TailRule rule;
  int max_length;
  // The AI that carries the field; empty when the field is appended to the
  // key's AI value.
  std::string_view ai;
};

struct Scheme {
  std::string_view name;
  EpcUriKind kind;
  std::string_view primary_ai;
  KeyLayout layout;
  ReferenceRule reference_rule;
  std::string_view reference;
  // Digits of prefix and reference together, or for other references the
  // maximum characters together.
  std::size_t key_length;
  std::vector<TailField> tail;
};

// In the order AisToEpcUri prefers them.
const std::vector<Scheme>& Schemes() {
  using enum KeyLayout;
  using enum ReferenceRule;
  static const std::vector<Scheme> kSchemes = {
      {"sgtin",
       EpcUriKind::kId,
       "01",
       kIndicatorDigit,
       kDigits,
       "item reference",
       13,
       {{"serial", TailRule::kCset82, 20, "21"}}},
      {"lgtin",
       EpcUriKind::kClass,
       "01",
       kIndicatorDigit,
       kDigits,
       "item reference",
       13,
       {{"lot", TailRule::kCset82, 20, "10"}}},
      {"itip",
       EpcUriKind::kId,
       "8006",
       kIndicatorDigit,
       kDigits,
       "item reference",
       13,
       {{"piece", TailRule::kTwoDigits, 2, ""},
        {"total", TailRule::kTwoDigits, 2, ""},
        {"serial", TailRule::kCset82, 20, "21"}}},
      {"sscc", EpcUriKind::kId, "00", kIndicatorDigit, kDigits, "serial reference", 17, {}},
      {"sgln",
       EpcUriKind::kId,
       "414",
       kPlain,
       kDigits,
       "location reference",
       12,
       {{"extension", TailRule::kCset82, 20, "254"}}},
      {"grai",
       EpcUriKind::kId,
       "8003",
       kLeadingZero,
       kDigits,
       "asset type",
       12,
       {{"serial", TailRule::kCset82, 16, ""}}},
      {"giai", EpcUriKind::kId, "8004", kPlain, kCset82, "individual asset reference", 30, {}},
      {"gsrn", EpcUriKind::kId, "8018", kPlain, kDigits, "service reference", 17, {}},
      {"gsrnp", EpcUriKind::kId, "8017", kPlain, kDigits, "service reference", 17, {}},
      {"gdti",
       EpcUriKind::kId,
       "253",
       kPlain,
       kDigits,
       "document type",
       12,
       {{"serial", TailRule::kCset82, 17, ""}}},
      {"sgcn",
       EpcUriKind::kId,
       "255",
       kPlain,
       kDigits,
       "coupon reference",
       12,
       {{"serial", TailRule::kDigits, 12, ""}}},
      {"cpi",
       EpcUriKind::kId,
       "8010",
       kPlain,
       kCpi,
       "component/part reference",
       30,
       {{"serial", TailRule::kDigits, 12, "8011"}}},
      {"ginc", EpcUriKind::kId, "401", kPlain, kCset82, "consignment reference", 30, {}},
      {"gsin", EpcUriKind::kId, "402", kPlain, kDigits, "shipper reference", 16, {}},
  };
  return kSchemes;
}

// sgln's extension "0" means "no extension" (no AI 254).
constexpr std::string_view kNoExtension = "0";

// Characters TDS requires escaped, in set 82 fields and in CPI references.
constexpr std::string_view kCset82Escaped = "\"%&/<>?";
constexpr std::string_view kCpiEscaped = "#/";
constexpr std::string_view kCset82Name = "in GS1 character set 82";
constexpr std::string_view kCpiCharsName = "a digit, A-Z, '-', %23 or %2F";

const Scheme* FindScheme(std::string_view name, EpcUriKind kind) {
  const EpcUriKind wanted = kind == EpcUriKind::kPattern ? EpcUriKind::kId : kind;
  for (const Scheme& scheme : Schemes()) {
    if (scheme.name == name && scheme.kind == wanted) return &scheme;
  }
  return nullptr;
}

std::string_view KindPrefix(EpcUriKind kind) {
  switch (kind) {
    case EpcUriKind::kId:
      return "urn:epc:id:";
    case EpcUriKind::kClass:
      return "urn:epc:class:";
    case EpcUriKind::kPattern:
      return "urn:epc:idpat:";
  }
  return "";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

bool IsCset82(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) ||
         std::string_view("!\"%&'()*+,-./:;<=>?_").find(c) != std::string_view::npos;
}

bool IsCpiChar(char c) {
  return (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '-' || c == '#' || c == '/';
}

std::string HexEscape(char c) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  return {'%', kHex[byte >> 4], kHex[byte & 0xF]};
}

std::string EscapeField(std::string_view text, std::string_view escaped) {
  std::string out;
  for (char c : text) {
    if (escaped.find(c) != std::string_view::npos) {
      out += HexEscape(c);
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeList(std::string_view escaped) {
  std::string list;
  for (char c : escaped) list += (list.empty() ? "" : " ") + HexEscape(c);
  return list;
}

// Decodes the TDS escapes of a field whose raw characters must satisfy
// `allowed` and whose characters in `escaped` must be written %HH.
Result<std::string> UnescapeField(std::string_view text, std::string_view escaped,
                                  bool (*allowed)(char), std::string_view allowed_name,
                                  const std::string& where) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      std::string code(text.substr(i, 3));
      std::transform(code.begin(), code.end(), code.begin(),
                     [](char h) { return h >= 'a' && h <= 'f' ? static_cast<char>(h - 32) : h; });
      const auto match = std::find_if(escaped.begin(), escaped.end(),
                                      [&](char e) { return HexEscape(e) == code; });
      if (match == escaped.end()) {
        return Status::InvalidArgument(where + ": \"" + std::string(text.substr(i, 3)) +
                                       "\" is not an escape TDS allows (" + EscapeList(escaped) +
                                       ")");
      }
      out += *match;
      i += 2;
    } else if (escaped.find(c) != std::string_view::npos) {
      return Status::InvalidArgument(where + ": character '" + std::string(1, c) +
                                     "' must be written " + HexEscape(c));
    } else if (!allowed(c)) {
      return Status::InvalidArgument(where + ": character '" + std::string(1, c) + "' is not " +
                                     std::string(allowed_name));
    } else {
      out += c;
    }
  }
  return out;
}

std::string Where(EpcUriKind kind, const Scheme& scheme) {
  return std::string(KindPrefix(kind)) + std::string(scheme.name) + ":";
}

Status CheckTail(const TailField& field, std::string_view value, const std::string& where) {
  const std::string name = where + " " + std::string(field.name);
  switch (field.rule) {
    case TailRule::kTwoDigits:
      if (value.size() != 2 || !AllDigits(value)) {
        return Status::InvalidArgument(name + " must be 2 digits, got \"" + std::string(value) +
                                       "\"");
      }
      return Status::Ok();
    case TailRule::kDigits:
      if (!AllDigits(value)) {
        return Status::InvalidArgument(name + " must be digits, got \"" + std::string(value) +
                                       "\"");
      }
      break;
    case TailRule::kCset82:
      break;
  }
  if (value.empty() || value.size() > static_cast<std::size_t>(field.max_length)) {
    return Status::InvalidArgument(name + " must have 1 to " + std::to_string(field.max_length) +
                                   " characters, got " + std::to_string(value.size()));
  }
  return Status::Ok();
}

// Checks the decoded concrete fields of `epc` against `scheme`.
Status CheckFields(const Scheme& scheme, const EpcUri& epc) {
  const std::string where = Where(epc.kind, scheme);
  const std::vector<std::string>& fields = epc.fields;
  if (epc.concrete_fields == 0) return Status::Ok();
  const std::string& prefix = fields[0];
  if (!AllDigits(prefix)) {
    return Status::InvalidArgument(where + " company prefix must be digits, got \"" + prefix +
                                   "\"");
  }
  if (prefix.size() < 6 || prefix.size() > 12) {
    return Status::InvalidArgument(where + " company prefix must have 6 to 12 digits, got " +
                                   std::to_string(prefix.size()));
  }
  if (epc.concrete_fields == 1) return Status::Ok();
  const std::string& reference = fields[1];
  const std::string both = " company prefix and " + std::string(scheme.reference);
  const std::size_t total = prefix.size() + reference.size();
  if (scheme.reference_rule == ReferenceRule::kDigits) {
    if (!AllDigits(reference)) {
      return Status::InvalidArgument(where + " " + std::string(scheme.reference) +
                                     " must be digits, got \"" + reference + "\"");
    }
    if (total != scheme.key_length) {
      return Status::InvalidArgument(where + both + " must have " +
                                     std::to_string(scheme.key_length) + " digits together, got " +
                                     std::to_string(total));
    }
  } else if (total > scheme.key_length) {
    return Status::InvalidArgument(where + both + " must have at most " +
                                   std::to_string(scheme.key_length) +
                                   " characters together, got " + std::to_string(total));
  }
  for (std::size_t i = 2; i < epc.concrete_fields; ++i) {
    TXNG_RETURN_IF_ERROR(CheckTail(scheme.tail[i - 2], fields[i], where));
  }
  return Status::Ok();
}

// `digits` has been checked to be digits, so the check digit exists.
std::string WithCheckDigit(std::string digits) {
  digits += Mod10CheckDigit(digits).value_or('0');
  return digits;
}

const AiValue* FindAiValue(const std::vector<AiValue>& ais, std::string_view ai) {
  for (const AiValue& value : ais) {
    if (value.ai == ai) return &value;
  }
  return nullptr;
}

// The AI that must accompany the key for `scheme` (e.g. (21) for sgtin), or
// empty.
std::string_view CompanionAi(const Scheme& scheme) {
  for (const TailField& field : scheme.tail) {
    if (!field.ai.empty() && field.ai != "254") return field.ai;
  }
  return "";
}

Result<const Scheme*> SchemeForAis(const std::vector<AiValue>& ais) {
  std::string missing;
  std::string keys;
  for (const Scheme& scheme : Schemes()) {
    const std::string key = " (" + std::string(scheme.primary_ai) + ")";
    if (keys.find(key) == std::string::npos) keys += key;
    if (FindAiValue(ais, scheme.primary_ai) == nullptr) continue;
    const std::string_view companion = CompanionAi(scheme);
    if (companion.empty() || FindAiValue(ais, companion) != nullptr) return &scheme;
    missing += std::string(missing.empty() ? "" : ", ") + "(" + std::string(scheme.primary_ai) +
               ") needs (" + std::string(companion) + ") for " + std::string(scheme.name);
  }
  if (!missing.empty()) return Status::InvalidArgument("no EPC URI for these AIs: " + missing);
  return Status::InvalidArgument("no EPC URI for these AIs: none of the keys" + keys +
                                 " is present");
}

// Validates each value (check digits included); which AIs come together is
// left to the caller, as an EPC URI needs only the key and its companion.
Status ValidateKeyAis(const std::vector<AiValue>& ais) {
  ElementStringOptions options;
  options.validate_requisites = false;
  options.validate_exclusions = false;
  return ValidateAis(ais, options);
}

std::size_t KeyOffset(const Scheme& scheme) { return scheme.layout == KeyLayout::kPlain ? 0 : 1; }

}  // namespace

Result<EpcUri> ParseEpcUri(std::string_view uri) {
  EpcUri epc;
  std::string_view rest;
  bool known_kind = false;
  for (EpcUriKind kind : {EpcUriKind::kId, EpcUriKind::kClass, EpcUriKind::kPattern}) {
    if (uri.starts_with(KindPrefix(kind))) {
      epc.kind = kind;
      rest = uri.substr(KindPrefix(kind).size());
      known_kind = true;
    }
  }
  if (!known_kind) {
    return Status::InvalidArgument(
        "not an EPC URI: it must start with \"urn:epc:id:\", \"urn:epc:class:\" or "
        "\"urn:epc:idpat:\"");
  }
  const std::size_t colon = rest.find(':');
  const std::string_view name = rest.substr(0, colon);
  const Scheme* scheme = FindScheme(name, epc.kind);
  if (scheme == nullptr) {
    return Status::InvalidArgument(std::string(KindPrefix(epc.kind)) + " unknown scheme \"" +
                                   std::string(name) + "\"");
  }
  epc.scheme = std::string(name);
  const std::string where = Where(epc.kind, *scheme);
  const std::size_t field_count = 2 + scheme->tail.size();
  std::string_view body = colon == std::string_view::npos ? "" : rest.substr(colon + 1);
  // The last field may itself hold '.', so only the first dots separate.
  std::vector<std::string_view> raw;
  while (raw.size() + 1 < field_count) {
    const std::size_t dot = body.find('.');
    if (dot == std::string_view::npos) break;
    raw.push_back(body.substr(0, dot));
    body.remove_prefix(dot + 1);
  }
  raw.push_back(body);
  if (colon == std::string_view::npos || raw.size() != field_count) {
    return Status::InvalidArgument(
        where + " expected " + std::to_string(field_count) + " fields separated by '.', got " +
        std::to_string(colon == std::string_view::npos ? 0 : raw.size()));
  }
  epc.concrete_fields = field_count;
  if (epc.kind == EpcUriKind::kPattern) {
    const auto star = std::find(raw.begin(), raw.end(), "*");
    epc.concrete_fields = static_cast<std::size_t>(star - raw.begin());
    if (std::any_of(star, raw.end(), [](std::string_view f) { return f != "*"; })) {
      return Status::InvalidArgument(where + " every field after a \"*\" must be \"*\" too");
    }
  }
  for (std::size_t i = 0; i < field_count; ++i) {
    if (i >= epc.concrete_fields) {
      epc.fields.emplace_back("*");
      continue;
    }
    const bool cset82 = (i == 1 && scheme->reference_rule == ReferenceRule::kCset82) ||
                        (i >= 2 && scheme->tail[i - 2].rule == TailRule::kCset82);
    const bool cpi = i == 1 && scheme->reference_rule == ReferenceRule::kCpi;
    if (!cset82 && !cpi) {
      epc.fields.emplace_back(raw[i]);
      continue;
    }
    const std::string field_name =
        where + " " + std::string(i == 1 ? scheme->reference : scheme->tail[i - 2].name);
    Result<std::string> decoded =
        cpi ? UnescapeField(raw[i], kCpiEscaped, IsCpiChar, kCpiCharsName, field_name)
            : UnescapeField(raw[i], kCset82Escaped, IsCset82, kCset82Name, field_name);
    if (!decoded.ok()) return decoded.status();
    epc.fields.push_back(std::move(*decoded));
  }
  TXNG_RETURN_IF_ERROR(CheckFields(*scheme, epc));
  return epc;
}

std::string FormatEpcUri(const EpcUri& epc) {
  std::string out = std::string(KindPrefix(epc.kind)) + epc.scheme + ":";
  const Scheme* scheme = FindScheme(epc.scheme, epc.kind);
  for (std::size_t i = 0; i < epc.fields.size(); ++i) {
    if (i > 0) out += '.';
    std::string_view escaped;
    if (scheme != nullptr && i < epc.concrete_fields) {
      if (i == 1 && scheme->reference_rule == ReferenceRule::kCpi) escaped = kCpiEscaped;
      if ((i == 1 && scheme->reference_rule == ReferenceRule::kCset82) ||
          (i >= 2 && i - 2 < scheme->tail.size() &&
           scheme->tail[i - 2].rule == TailRule::kCset82)) {
        escaped = kCset82Escaped;
      }
    }
    out += EscapeField(epc.fields[i], escaped);
  }
  return out;
}

Result<std::vector<AiValue>> EpcUriToAis(const EpcUri& epc) {
  const Scheme* scheme = FindScheme(epc.scheme, epc.kind);
  if (scheme == nullptr) {
    return Status::InvalidArgument(std::string(KindPrefix(epc.kind)) + " unknown scheme \"" +
                                   epc.scheme + "\"");
  }
  const std::string where = Where(epc.kind, *scheme);
  if (epc.kind == EpcUriKind::kPattern) {
    return Status::InvalidArgument(where + " a pattern names no single object and has no AIs");
  }
  if (epc.fields.size() != 2 + scheme->tail.size() || epc.concrete_fields != epc.fields.size()) {
    return Status::InvalidArgument(where + " expected " + std::to_string(2 + scheme->tail.size()) +
                                   " fields, got " + std::to_string(epc.fields.size()));
  }
  TXNG_RETURN_IF_ERROR(CheckFields(*scheme, epc));
  const std::string& prefix = epc.fields[0];
  const std::string& reference = epc.fields[1];
  std::string key;
  switch (scheme->layout) {
    case KeyLayout::kIndicatorDigit:
      key = reference.substr(0, 1) + prefix + reference.substr(1);
      break;
    case KeyLayout::kLeadingZero:
      key = "0" + prefix + reference;
      break;
    case KeyLayout::kPlain:
      key = prefix + reference;
      break;
  }
  if (scheme->reference_rule == ReferenceRule::kDigits) key = WithCheckDigit(std::move(key));
  std::vector<AiValue> ais;
  std::vector<AiValue> companions;
  for (std::size_t i = 0; i < scheme->tail.size(); ++i) {
    const TailField& field = scheme->tail[i];
    const std::string& value = epc.fields[i + 2];
    if (field.ai.empty()) {
      key += value;
    } else if (!(field.ai == "254" && value == kNoExtension)) {
      companions.push_back({std::string(field.ai), value});
    }
  }
  ais.push_back({std::string(scheme->primary_ai), key});
  ais.insert(ais.end(), companions.begin(), companions.end());
  // TDS field rules are looser than some AI rules (a CPI serial may start
  // with 0 in the URI but not in AI (8011)): the AIs must stand on their own.
  if (Status valid = ValidateAis(ais, ElementStringOptions{}); !valid.ok()) {
    return Status::InvalidArgument(where + " " + valid.message());
  }
  return ais;
}

Result<std::string> EpcUriToDigitalLink(const EpcUri& epc, std::string_view stem) {
  Result<std::vector<AiValue>> ais = EpcUriToAis(epc);
  if (!ais.ok()) return ais.status();
  return ToDigitalLink(*ais, stem, DigitalLinkOptions{});
}

Status CompanyPrefixLengths::Add(std::string_view prefix) {
  if (!AllDigits(prefix) || prefix.size() < 6 || prefix.size() > 12) {
    return Status::InvalidArgument("a GS1 company prefix must have 6 to 12 digits, got \"" +
                                   std::string(prefix) + "\"");
  }
  prefixes_.emplace_back(prefix);
  return Status::Ok();
}

std::optional<int> CompanyPrefixLengths::LengthFor(std::string_view digits) const {
  std::optional<int> longest;
  for (const std::string& prefix : prefixes_) {
    if (digits.starts_with(prefix) && static_cast<int>(prefix.size()) > longest.value_or(0)) {
      longest = static_cast<int>(prefix.size());
    }
  }
  return longest;
}

Result<EpcUri> AisToEpcUri(const std::vector<AiValue>& ais, int company_prefix_length) {
  TXNG_RETURN_IF_ERROR(ValidateKeyAis(ais));
  Result<const Scheme*> found = SchemeForAis(ais);
  if (!found.ok()) return found.status();
  const Scheme& scheme = **found;
  const std::string where = Where(scheme.kind, scheme);
  if (company_prefix_length < 6 || company_prefix_length > 12) {
    return Status::InvalidArgument(where + " company prefix length must be 6 to 12, got " +
                                   std::to_string(company_prefix_length));
  }
  const auto length = static_cast<std::size_t>(company_prefix_length);
  const std::string& value = FindAiValue(ais, scheme.primary_ai)->value;
  const std::size_t offset = KeyOffset(scheme);
  if (value.size() < offset + length) {
    return Status::InvalidArgument(where + " company prefix length " + std::to_string(length) +
                                   " is longer than (" + std::string(scheme.primary_ai) + ") \"" +
                                   value + "\"");
  }
  EpcUri epc;
  epc.kind = scheme.kind;
  epc.scheme = std::string(scheme.name);
  epc.fields.push_back(value.substr(offset, length));
  std::size_t tail_start = value.size();
  if (scheme.reference_rule != ReferenceRule::kDigits) {
    epc.fields.push_back(value.substr(length));
  } else if (scheme.layout == KeyLayout::kIndicatorDigit) {
    epc.fields.push_back(value.substr(0, 1) +
                         value.substr(1 + length, scheme.key_length - length - 1));
    tail_start = scheme.key_length + 1;
  } else {
    epc.fields.push_back(value.substr(offset + length, scheme.key_length - length));
    tail_start = offset + scheme.key_length + 1;
  }
  for (const TailField& field : scheme.tail) {
    if (field.ai.empty()) {
      const std::size_t size = field.rule == TailRule::kTwoDigits ? 2 : std::string::npos;
      std::string part = value.substr(tail_start, size);
      tail_start += part.size();
      if (part.empty()) {
        return Status::InvalidArgument(where + " (" + std::string(scheme.primary_ai) + ") has no " +
                                       std::string(field.name) + ", which the EPC URI requires");
      }
      epc.fields.push_back(std::move(part));
      continue;
    }
    const AiValue* companion = FindAiValue(ais, field.ai);
    if (companion == nullptr) {
      epc.fields.emplace_back(kNoExtension);
    } else if (field.ai == "254" && companion->value == kNoExtension) {
      return Status::InvalidArgument(where +
                                     " extension (254) \"0\" cannot be written: in an EPC URI "
                                     "\"0\" means no extension");
    } else {
      epc.fields.push_back(companion->value);
    }
  }
  epc.concrete_fields = epc.fields.size();
  TXNG_RETURN_IF_ERROR(CheckFields(scheme, epc));
  return epc;
}

Result<EpcUri> AisToEpcUri(const std::vector<AiValue>& ais, const CompanyPrefixLengths& lengths) {
  TXNG_RETURN_IF_ERROR(ValidateKeyAis(ais));
  Result<const Scheme*> found = SchemeForAis(ais);
  if (!found.ok()) return found.status();
  const std::string& value = FindAiValue(ais, (*found)->primary_ai)->value;
  const std::string_view digits =
      std::string_view(value).substr(std::min(KeyOffset(**found), value.size()));
  const std::optional<int> length = lengths.LengthFor(digits);
  if (!length) {
    return Status::InvalidArgument("company prefix length of " + value +
                                   " is unknown: register the organisation's GS1 company prefix");
  }
  return AisToEpcUri(ais, *length);
}

Result<EpcUri> DigitalLinkToEpcUri(std::string_view uri, int company_prefix_length) {
  Result<DigitalLink> link = ParseDigitalLink(uri, DigitalLinkOptions{});
  if (!link.ok()) return link.status();
  return AisToEpcUri(link->ais, company_prefix_length);
}

Result<EpcUri> DigitalLinkToEpcUri(std::string_view uri, const CompanyPrefixLengths& lengths) {
  Result<DigitalLink> link = ParseDigitalLink(uri, DigitalLinkOptions{});
  if (!link.ok()) return link.status();
  return AisToEpcUri(link->ais, lengths);
}

}  // namespace txng::gs1
