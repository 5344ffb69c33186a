#include "epcis/identifiers.h"

#include <string>
#include <vector>

#include "gs1/ai_table.h"
#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/digital_link_keys.h"
#include "gs1/uri_escape.h"

namespace txng::epcis {
namespace {

constexpr std::string_view kCanonicalStem = "https://id.gs1.org";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

gs1::DigitalLinkOptions LenientOptions() {
  gs1::DigitalLinkOptions options;
  options.permit_convenience_alphas = true;
  return options;
}

// The canonical URI, with "%27" written back as an apostrophe (see header).
std::string Canonicalize(std::string uri) {
  std::string out;
  out.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri.compare(i, 3, "%27") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

Result<std::string> AisToCanonical(const std::vector<gs1::AiValue>& ais) {
  TXNG_ASSIGN_OR_RETURN(std::string uri, gs1::ToDigitalLink(ais, kCanonicalStem, {}));
  return Canonicalize(std::move(uri));
}

// True when a path segment of the http(s) URI `text` is a Digital Link
// primary key (numeric or convenience alpha) followed by a value: the URI
// is meant as a GS1 Digital Link.
bool LooksLikeDigitalLink(std::string_view text) {
  std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return false;
  std::size_t path = text.find('/', scheme_end + 3);
  if (path == std::string_view::npos) return false;
  std::string_view rest = text.substr(path + 1);
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::vector<std::string_view> segments;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    segments.push_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    std::string_view ai = gs1::AiOfConvenienceAlpha(segments[i]);
    if (ai.empty()) ai = segments[i];
    const gs1::AiEntry* entry = gs1::FindAi(ai);
    if (entry != nullptr && entry->dl_primary_key) return true;
  }
  return false;
}

// Splits "a.b.c" at dots.
std::vector<std::string> SplitFields(std::string_view text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    fields.emplace_back(text.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return fields;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// urn:epc:id:pgln:CompanyPrefix.PartyRef (TDS 2.x), which the gs1 layer
// does not know: AI (417).
Result<std::string> PglnToCanonical(std::string_view body) {
  std::vector<std::string> f = SplitFields(body);
  if (f.size() != 2 || !AllDigits(f[0]) || !AllDigits(f[1]) || f[0].size() < 6 ||
      f[0].size() + f[1].size() != 12) {
    return Status::InvalidArgument(
        "urn:epc:id:pgln: company prefix and party reference must be 12 digits together");
  }
  std::string key = f[0] + f[1];
  key += *gs1::Mod10CheckDigit(key);
  return AisToCanonical({{"417", key}});
}

// urn:epc:id:upui:CompanyPrefix.ItemRefAndIndicator.TPX (TDS 2.x): AIs
// (01) and (235).
Result<std::string> UpuiToCanonical(std::string_view body) {
  std::size_t first = body.find('.');
  std::size_t second = first == std::string_view::npos ? first : body.find('.', first + 1);
  if (second == std::string_view::npos) {
    return Status::InvalidArgument("urn:epc:id:upui: needs company prefix, item reference and TPX");
  }
  std::string prefix(body.substr(0, first));
  std::string item(body.substr(first + 1, second - first - 1));
  std::string tpx = gs1::UriUnescape(body.substr(second + 1), gs1::UriPart::kPath);
  if (!AllDigits(prefix) || !AllDigits(item) || prefix.size() < 6 || item.empty() ||
      prefix.size() + item.size() != 13 || tpx.empty()) {
    return Status::InvalidArgument(
        "urn:epc:id:upui: company prefix and item reference must be 13 digits together, "
        "followed by a TPX");
  }
  std::string gtin = item.substr(0, 1) + prefix + item.substr(1);
  gtin += *gs1::Mod10CheckDigit(gtin);
  std::vector<gs1::AiValue> ais = {{"01", gtin}, {"235", tpx}};
  for (const gs1::AiValue& ai : ais) {
    TXNG_RETURN_IF_ERROR(gs1::ValidateAiValue(*gs1::FindAi(ai.ai), ai.value));
  }
  return AisToCanonical(ais);
}

// An EPC pattern whose only wildcard is the serial ("urn:epc:idpat:sgtin:
// 4012345.066666.*") names a class of objects: the canonical URI of its key
// without the serial (https://id.gs1.org/01/04012345666663). Other patterns
// are returned unchanged.
Result<std::string> ClassPatternToCanonical(std::string_view text) {
  Result<gs1::EpcUri> parsed = gs1::ParseEpcUri(text);
  if (!parsed.ok()) return parsed.status();
  gs1::EpcUri epc = std::move(parsed).value();
  if (epc.fields.size() < 2 || epc.concrete_fields + 1 != epc.fields.size()) {
    return std::string(text);
  }
  // A placeholder serial makes it an identity; its key AI, without the
  // serial that GDTI, SGCN and GRAI append to the key, is the class.
  epc.kind = gs1::EpcUriKind::kId;
  epc.fields.back() = "1";
  epc.concrete_fields = epc.fields.size();
  TXNG_ASSIGN_OR_RETURN(std::vector<gs1::AiValue> ais, gs1::EpcUriToAis(epc));
  gs1::AiValue key = ais.front();
  if (key.ai == "253" || key.ai == "255") key.value.resize(13);
  if (key.ai == "8003") key.value.resize(14);
  return AisToCanonical({key});
}

}  // namespace

Result<std::string> NormalizeIdentifier(std::string_view text) {
  if (StartsWith(text, "urn:epc:id:") || StartsWith(text, "urn:epc:class:")) {
    std::string_view rest = text.substr(text.find(':', 8) + 1);
    std::string_view scheme = rest.substr(0, rest.find(':'));
    std::string_view body = rest.find(':') == std::string_view::npos
                                ? std::string_view()
                                : rest.substr(rest.find(':') + 1);
    if (scheme == "pgln") return PglnToCanonical(body);
    if (scheme == "upui") return UpuiToCanonical(body);
    static constexpr std::string_view kGs1Schemes[] = {"sgtin", "sscc",  "sgln", "grai", "giai",
                                                       "gsrn",  "gsrnp", "gdti", "sgcn", "cpi",
                                                       "ginc",  "gsin",  "itip", "lgtin"};
    bool gs1_scheme = false;
    for (std::string_view s : kGs1Schemes) gs1_scheme = gs1_scheme || s == scheme;
    if (!gs1_scheme) return std::string(text);
    TXNG_ASSIGN_OR_RETURN(gs1::EpcUri epc, gs1::ParseEpcUri(text));
    TXNG_ASSIGN_OR_RETURN(std::string uri, gs1::EpcUriToDigitalLink(epc, kCanonicalStem));
    return Canonicalize(std::move(uri));
  }
  if (StartsWith(text, "urn:epc:idpat:")) return ClassPatternToCanonical(text);
  if ((StartsWith(text, "https://") || StartsWith(text, "http://")) && LooksLikeDigitalLink(text)) {
    TXNG_ASSIGN_OR_RETURN(gs1::DigitalLink link, gs1::ParseDigitalLink(text, LenientOptions()));
    return AisToCanonical(link.ais);
  }
  return std::string(text);
}

bool IsCanonicalDigitalLink(std::string_view text) {
  return StartsWith(text, kCanonicalStem) && text.size() > kCanonicalStem.size() &&
         text[kCanonicalStem.size()] == '/';
}

std::string FormatIdentifier(std::string_view canonical, EpcFormat format,
                             const gs1::CompanyPrefixLengths& prefixes) {
  if (format == EpcFormat::kDigitalLink || !IsCanonicalDigitalLink(canonical)) {
    return std::string(canonical);
  }
  Result<gs1::EpcUri> epc = gs1::DigitalLinkToEpcUri(canonical, prefixes);
  if (!epc.ok()) return std::string(canonical);
  return gs1::FormatEpcUri(*epc);
}

}  // namespace txng::epcis
