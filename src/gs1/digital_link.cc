#include "gs1/digital_link.h"

#include <algorithm>
#include <cctype>

#include "gs1/ai_table.h"
#include "gs1/digital_link_keys.h"
#include "gs1/element_string.h"
#include "gs1/uri_escape.h"

namespace txng::gs1 {
namespace {

// The scheme may be written in lower or upper case, not mixed.
constexpr std::string_view kSchemes[] = {"http://", "https://", "HTTP://", "HTTPS://"};

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Host names, IPv4 and bracketed IPv6 addresses, and a port.
bool IsAuthorityChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == ':' ||
         c == '[' || c == ']';
}

// Characters a URI may not hold unescaped (RFC 3986), checked in the path
// and the query.
bool IsForbiddenUriChar(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte >= 0x7F ||
         std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos;
}

Status UriError(const std::string& rule) {
  return Status::InvalidArgument("Digital Link: " + rule);
}

// The AI a path segment names: digits, or a convenience alpha when permitted.
std::string PathAi(std::string_view segment, const DigitalLinkOptions& options) {
  if (AllDigits(segment)) return std::string(segment);
  if (options.permit_convenience_alphas) return std::string(AiOfConvenienceAlpha(segment));
  return {};
}

bool IsAi(const std::string& ai, const DigitalLinkOptions& options) {
  if (ai.size() < 2 || ai.size() > 4 || !AllDigits(ai)) return false;
  return FindAi(ai) != nullptr || options.permit_unknown_ais;
}

// Pads a GTIN-8, -12 or -13 value of AI (01) to 14 digits when permitted.
void ExpandGtin(AiValue& pair, const DigitalLinkOptions& options) {
  if (pair.ai != "01" || !options.permit_zero_suppressed_gtin) return;
  std::size_t n = pair.value.size();
  if ((n == 8 || n == 12 || n == 13) && AllDigits(pair.value)) {
    pair.value = std::string(14 - n, '0') + pair.value;
  }
}

Status ParsePath(std::string_view path, const DigitalLinkOptions& options,
                 std::vector<AiValue>& ais) {
  if (path.empty() || path.back() == '/')
    return UriError("the path may not be empty or end in '/'");
  std::vector<std::string_view> segments;
  for (std::size_t start = 1; start <= path.size();) {
    std::size_t slash = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  // Walk back in (AI, value) pairs until the rightmost primary key; what is
  // left of it is the stem, which may hold anything.
  std::size_t key = segments.size();
  while (key >= 2) {
    std::string ai = PathAi(segments[key - 2], options);
    if (!IsAi(ai, options)) break;
    key -= 2;
    const AiEntry* entry = FindAi(ai);
    if (entry != nullptr && entry->dl_primary_key) break;
  }
  if (key == segments.size()) return UriError("the path holds no AI");
  std::vector<std::string> path_ais;
  for (std::size_t i = key; i < segments.size(); i += 2) {
    AiValue pair{PathAi(segments[i], options), UriUnescape(segments[i + 1], UriPart::kPath)};
    if (pair.value.empty() || pair.value.find('\0') != std::string::npos) {
      return UriError("AI (" + pair.ai + ") in the path has an empty or NUL value");
    }
    ExpandGtin(pair, options);
    path_ais.push_back(pair.ai);
    ais.push_back(std::move(pair));
  }
  if (!IsDigitalLinkPathSequence(path_ais)) {
    return UriError("the path AIs are not a primary key followed by its qualifiers in order");
  }
  return Status::Ok();
}

Status ParseQuery(std::string_view query, const DigitalLinkOptions& options, DigitalLink& link) {
  std::vector<std::string> path_ais;
  for (const AiValue& pair : link.ais) path_ais.push_back(pair.ai);
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty()) continue;
    std::size_t eq = param.find('=');
    std::string key(param.substr(0, eq));
    if (eq == std::string_view::npos || !AllDigits(key)) {
      link.other_query_params.emplace_back(param);
      continue;
    }
    const AiEntry* entry = FindAi(key);
    if (entry == nullptr && (!options.permit_unknown_ais || options.unknown_ai_not_dl_attribute ||
                             !IsAi(key, options))) {
      return UriError("query parameter " + key + " is not an AI allowed as a data attribute");
    }
    if (entry != nullptr && !entry->dl_data_attribute) {
      return UriError("AI (" + key + ") may not be a Digital Link data attribute");
    }
    if (IsPathQualifierOf(path_ais, key)) {
      return UriError("AI (" + key + ") is a path qualifier and may not be in the query");
    }
    bool repeated = std::any_of(link.ais.begin(), link.ais.end(),
                                [&key](const AiValue& a) { return a.ai == key; });
    if (repeated) return UriError("AI (" + key + ") is given more than once");
    AiValue pair{key, UriUnescape(param.substr(eq + 1), UriPart::kQuery)};
    if (pair.value.empty() || pair.value.find('\0') != std::string::npos) {
      return UriError("AI (" + key + ") in the query has an empty or NUL value");
    }
    ExpandGtin(pair, options);
    link.ais.push_back(std::move(pair));
  }
  return Status::Ok();
}

}  // namespace

Result<DigitalLink> ParseDigitalLink(std::string_view uri, const DigitalLinkOptions& options) {
  auto scheme = std::find_if(std::begin(kSchemes), std::end(kSchemes),
                             [uri](std::string_view s) { return uri.substr(0, s.size()) == s; });
  if (scheme == std::end(kSchemes)) return UriError("the URI must start with http:// or https://");
  std::string_view rest = uri.substr(scheme->size());
  rest = rest.substr(0, rest.find('#'));
  std::size_t path_start = std::min(rest.find_first_of("/?"), rest.size());
  std::string_view authority = rest.substr(0, path_start);
  if (authority.empty() || !std::all_of(authority.begin(), authority.end(), IsAuthorityChar)) {
    return UriError("the host '" + std::string(authority) + "' is missing or malformed");
  }
  rest = rest.substr(path_start);
  if (std::any_of(rest.begin(), rest.end(), IsForbiddenUriChar)) {
    return UriError("the URI holds a character that must be percent-encoded");
  }
  std::size_t question = std::min(rest.find('?'), rest.size());
  DigitalLink link;
  TXNG_RETURN_IF_ERROR(ParsePath(rest.substr(0, question), options, link.ais));
  if (question < rest.size()) {
    TXNG_RETURN_IF_ERROR(ParseQuery(rest.substr(question + 1), options, link));
  }
  ElementStringOptions validation;
  validation.permit_unknown_ais = options.permit_unknown_ais;
  validation.validate_requisites = options.validate_requisites;
  TXNG_RETURN_IF_ERROR(ValidateAis(link.ais, validation));
  return link;
}

}  // namespace txng::gs1
