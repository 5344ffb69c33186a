#include "gs1/digital_link.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>

#include "gs1/ai_lookup.h"
#include "gs1/ai_table.h"
#include "gs1/digital_link_keys.h"
#include "gs1/element_string.h"
#include "gs1/uri_escape.h"

namespace txng::gs1 {
namespace {

// The scheme may be written in lower or upper case, not mixed.
constexpr std::string_view kSchemes[] = {"http://", "https://", "HTTP://", "HTTPS://"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return !s.empty();
}

// Digital Link pieces are short: searching them eight bytes at a time in a
// word, then byte by byte, beats a call to memchr.
static_assert(std::endian::native == std::endian::little);

std::uint64_t LoadWord(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The high bit of each byte of `word` that equals `c`, and no other bit.
std::uint64_t BytesEqual(std::uint64_t word, char c) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7F;
  std::uint64_t x = word ^ (0x0101010101010101 * static_cast<unsigned char>(c));
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// The position of the first `c` in `s` at or after `from`, or s.size().
std::size_t FindChar(std::string_view s, char c, std::size_t from = 0) {
  for (; from + 8 <= s.size(); from += 8) {
    std::uint64_t found = BytesEqual(LoadWord(s.data() + from), c);
    if (found != 0) return from + static_cast<std::size_t>(std::countr_zero(found)) / 8;
  }
  while (from < s.size() && s[from] != c) ++from;
  return from;
}

// The position of the last `c` in `s` before `end`, or npos.
std::size_t FindLastChar(std::string_view s, char c, std::size_t end) {
  for (; end >= 8; end -= 8) {
    std::uint64_t found = BytesEqual(LoadWord(s.data() + end - 8), c);
    if (found != 0) return end - 1 - static_cast<std::size_t>(std::countl_zero(found)) / 8;
  }
  while (end > 0) {
    if (s[--end] == c) return end;
  }
  return std::string_view::npos;
}

// What each byte is to the URI scanner, as bit flags.
enum UriCharFlag : std::uint8_t {
  kAuthorityChar = 1,  // host names, IPv4 and bracketed IPv6 addresses, a port
  kForbidden = 2,      // may not be unescaped in a URI (RFC 3986): controls,
                       // space, non-ASCII and "<>\^`{|}
  kEndsAuthority = 4,  // '/', '?' and '#'
  kQuestion = 8,
  kHash = 16,
  kEscape = 32,  // '%' and '+', which values may need decoded
};

constexpr std::array<std::uint8_t, 256> kUriCharFlags = [] {
  std::array<std::uint8_t, 256> flags{};
  auto add = [&flags](unsigned char c, std::uint8_t flag) { flags[c] |= flag; };
  for (int c = 0; c < 256; ++c) {
    auto byte = static_cast<unsigned char>(c);
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum) add(byte, kAuthorityChar);
    if (c <= 0x20 || c >= 0x7F) add(byte, kForbidden);
  }
  for (char c : std::string_view("-.:[]")) add(static_cast<unsigned char>(c), kAuthorityChar);
  for (char c : std::string_view("\"<>\\^`{|}")) add(static_cast<unsigned char>(c), kForbidden);
  for (char c : std::string_view("/?#")) add(static_cast<unsigned char>(c), kEndsAuthority);
  add('?', kQuestion);
  add('#', kHash);
  add('%', kEscape);
  add('+', kEscape);
  return flags;
}();

std::uint8_t FlagsOf(char c) { return kUriCharFlags[static_cast<unsigned char>(c)]; }

// The flags the scan of the path and query acts on.
constexpr std::uint8_t kScanFlags = kForbidden | kQuestion | kHash | kEscape;

// Whether none of the eight bytes at `p` has a flag of kScanFlags: one test
// for the usual run of ordinary characters.
bool EightOrdinary(const char* p) {
  std::uint8_t any = 0;
  for (int k = 0; k < 8; ++k) any |= FlagsOf(p[k]);
  return (any & kScanFlags) == 0;
}

// What a scan of the path and query found.
struct PathAndQuery {
  std::size_t end;       // of the path and query: the fragment's '#' or the end
  std::size_t question;  // the first '?', or npos
  bool forbidden;        // a character that must be percent-encoded
  bool escapes;          // a '%' or '+'
};

// Scans `rest`, the URI after the authority: runs of eight ordinary bytes
// with one test, the others one by one.
PathAndQuery ScanPathAndQuery(std::string_view rest) {
  PathAndQuery scan{rest.size(), std::string_view::npos, false, false};
  std::size_t i = 0;
  while (i < rest.size()) {
    if (i + 8 <= rest.size() && EightOrdinary(rest.data() + i)) {
      i += 8;
      continue;
    }
    for (std::size_t end = std::min(i + 8, rest.size()); i < end; ++i) {
      auto flags = static_cast<std::uint8_t>(FlagsOf(rest[i]) & kScanFlags);
      if (flags == 0) continue;
      scan.escapes = scan.escapes || (flags & kEscape) != 0;
      if ((flags & kHash) != 0) {
        scan.end = i;
        return scan;
      }
      scan.forbidden = scan.forbidden || (flags & kForbidden) != 0;
      if ((flags & kQuestion) != 0 && scan.question == std::string_view::npos) scan.question = i;
    }
  }
  return scan;
}

Status UriError(const std::string& rule) {
  return Status::InvalidArgument("Digital Link: " + rule);
}

// The AI a path segment names: digits, or a convenience alpha when permitted.
std::string_view PathAi(std::string_view segment, const DigitalLinkOptions& options) {
  if (AllDigits(segment)) return segment;
  if (options.permit_convenience_alphas) return AiOfConvenienceAlpha(segment);
  return {};
}

// True when `ai` is an AI of 2 to 4 digits that is known, or unknown and
// permitted; `entry` is its table entry (nullptr when unknown).
bool IsAi(std::string_view ai, const AiEntry* entry, const DigitalLinkOptions& options) {
  if (entry != nullptr) return true;  // the table holds AIs of 2 to 4 digits only
  return options.permit_unknown_ais && ai.size() >= 2 && ai.size() <= 4 && AllDigits(ai);
}

// Sets `value` to `text` decoded; without `escapes` in the URI it is as
// written.
void Decode(std::string_view text, UriPart part, bool escapes, std::string& value) {
  if (escapes) {
    value = UriUnescape(text, part);
  } else {
    value.assign(text.data(), text.size());
  }
}

// Whether a decoded value holds a NUL, which only an escape can put there.
bool HasNul(const std::string& value, bool escapes) {
  return escapes && value.find('\0') != std::string::npos;
}

constexpr std::uint64_t kGtin = AiCode("01");

// Pads a GTIN-8, -12 or -13 value of AI (01) (`code`) to 14 digits when
// permitted.
void ExpandGtin(std::uint64_t code, std::string& value, const DigitalLinkOptions& options) {
  if (!options.permit_zero_suppressed_gtin || code != kGtin) return;
  std::size_t n = value.size();
  if ((n == 8 || n == 12 || n == 13) && AllDigits(value)) value.insert(0, 14 - n, '0');
}

// The AIs read so far: as returned, and as the checks need them.
struct ParsedAis {
  std::vector<AiValue>& ais;
  AiLookup& lookup;

  // Appends `ai` (its entry `entry`) with `text`, decoded, as its value.
  AiValue& Add(std::string_view ai, const AiEntry* entry, std::string_view text, UriPart part,
               bool escapes) {
    lookup.Add(ai, entry);
    AiValue& pair = ais.emplace_back();
    pair.ai.assign(ai.data(), ai.size());
    Decode(text, part, escapes, pair.value);
    return pair;
  }
};

// One ("/AI", "/value") pair of path segments: the AI (a convenience alpha
// replaced), its table entry and where the two segments start (their '/').
struct PathPair {
  std::string_view ai;
  const AiEntry* entry;
  std::uint32_t ai_slash;
  std::uint32_t value_slash;
};

// Appends the path's AIs to `parsed` (which holds a part-made AI on failure).
// `escapes`: whether the URI holds a '%' or '+' at all.
Status ParsePath(std::string_view path, bool escapes, const DigitalLinkOptions& options,
                 ParsedAis& parsed) {
  if (path.empty() || path.back() == '/')
    return UriError("the path may not be empty or end in '/'");
  // Walk back in ("/AI", "/value") segment pairs until the rightmost primary
  // key; what is left of it is the stem, which may hold anything. `key` is
  // where the AI path starts (its '/'); `pairs` holds the pairs, the last
  // first.
  InlineVector<PathPair, 8> pairs;
  std::size_t key = path.size();
  while (key > 0) {
    std::size_t value_slash = FindLastChar(path, '/', key);
    if (value_slash == 0 || value_slash == std::string_view::npos) break;
    std::size_t ai_slash = FindLastChar(path, '/', value_slash);
    // Most AI segments are table AIs, which are digits: PathAi only for the others.
    std::string_view ai = path.substr(ai_slash + 1, value_slash - ai_slash - 1);
    const AiEntry* entry = FindAi(ai);
    if (entry == nullptr) {
      ai = PathAi(ai, options);
      entry = FindAi(ai);
    }
    if (!IsAi(ai, entry, options)) break;
    pairs.push_back(
        {ai, entry, static_cast<std::uint32_t>(ai_slash), static_cast<std::uint32_t>(value_slash)});
    key = ai_slash;
    if (entry != nullptr && entry->dl_primary_key) break;
  }
  if (pairs.size() == 0) return UriError("the path holds no AI");
  std::size_t first = parsed.ais.size();
  parsed.ais.reserve(first + pairs.size() + 4);
  for (std::size_t k = pairs.size(); k-- > 0;) {
    const PathPair& pair = pairs[k];
    // The value runs to the next pair's AI, or to the end for the last pair.
    std::size_t value_end = k == 0 ? path.size() : pairs[k - 1].ai_slash;
    AiValue& added = parsed.Add(pair.ai, pair.entry,
                                path.substr(pair.value_slash + 1, value_end - pair.value_slash - 1),
                                UriPart::kPath, escapes);
    if (added.value.empty() || HasNul(added.value, escapes)) {
      return UriError("AI (" + added.ai + ") in the path has an empty or NUL value");
    }
    ExpandGtin(parsed.lookup.code(parsed.ais.size() - 1), added.value, options);
  }
  if (!IsDigitalLinkPathSequence(parsed.lookup.entry(first),
                                 parsed.lookup.codes().subspan(first))) {
    return UriError("the path AIs are not a primary key followed by its qualifiers in order");
  }
  return Status::Ok();
}

// Appends the query's AIs to `parsed` (which holds a part-made AI on
// failure), whose first `path_count` are the path's; the other parameters to
// `other_params`.
Status ParseQuery(std::string_view query, bool escapes, std::size_t path_count,
                  const DigitalLinkOptions& options, ParsedAis& parsed,
                  std::vector<std::string>& other_params) {
  while (!query.empty()) {
    std::size_t amp = FindChar(query, '&');
    std::string_view param = query.substr(0, amp);
    query = amp == query.size() ? std::string_view() : query.substr(amp + 1);
    if (param.empty()) continue;
    std::size_t eq = FindChar(param, '=');
    std::string_view key = param.substr(0, eq);
    // A table AI is digits: AllDigits only for the others.
    const AiEntry* entry = eq == param.size() ? nullptr : FindAi(key);
    if (entry == nullptr && (eq == param.size() || !AllDigits(key))) {
      other_params.emplace_back(param);
      continue;
    }
    if (entry == nullptr && (!options.permit_unknown_ais || options.unknown_ai_not_dl_attribute ||
                             !IsAi(key, entry, options))) {
      return UriError("query parameter " + std::string(key) +
                      " is not an AI allowed as a data attribute");
    }
    if (entry != nullptr && !entry->dl_data_attribute) {
      return UriError("AI (" + std::string(key) + ") may not be a Digital Link data attribute");
    }
    // Both the path's AIs and `key` have at most four characters here, so
    // their codes are equal when they are.
    std::uint64_t code = AiCode(key);
    std::span<const std::uint64_t> codes = parsed.lookup.codes();
    if (IsPathQualifierOf(parsed.lookup.entry(0), codes.first(path_count), code)) {
      return UriError("AI (" + std::string(key) +
                      ") is a path qualifier and may not be in the query");
    }
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
      return UriError("AI (" + std::string(key) + ") is given more than once");
    }
    AiValue& pair = parsed.Add(key, entry, param.substr(eq + 1), UriPart::kQuery, escapes);
    if (pair.value.empty() || HasNul(pair.value, escapes)) {
      return UriError("AI (" + pair.ai + ") in the query has an empty or NUL value");
    }
    ExpandGtin(code, pair.value, options);
  }
  return Status::Ok();
}

}  // namespace

Result<DigitalLink> ParseDigitalLink(std::string_view uri, const DigitalLinkOptions& options) {
  auto scheme = std::find_if(std::begin(kSchemes), std::end(kSchemes),
                             [uri](std::string_view s) { return uri.substr(0, s.size()) == s; });
  if (scheme == std::end(kSchemes)) return UriError("the URI must start with http:// or https://");
  std::string_view rest = uri.substr(scheme->size());
  // One pass over the rest: the authority ends at the first '/', '?' or '#';
  // the path and query end at the fragment's '#'.
  std::size_t i = 0;
  std::uint8_t all_flags = kAuthorityChar;  // the flags every host byte has
  // Eight bytes at a time while none of them ends the authority, then one
  // by one up to the one that does.
  for (; i + 8 <= rest.size(); i += 8) {
    std::uint8_t any = 0;
    std::uint8_t every = kAuthorityChar;
    for (std::size_t k = i; k < i + 8; ++k) {
      std::uint8_t flags = FlagsOf(rest[k]);
      any |= flags;
      every &= flags;
    }
    if ((any & kEndsAuthority) != 0) break;
    all_flags &= every;
  }
  for (; i < rest.size(); ++i) {
    std::uint8_t flags = FlagsOf(rest[i]);
    if ((flags & kEndsAuthority) != 0) break;
    all_flags &= flags;
  }
  std::string_view authority = rest.substr(0, i);
  if (authority.empty() || (all_flags & kAuthorityChar) == 0) {
    return UriError("the host '" + std::string(authority) + "' is missing or malformed");
  }
  rest.remove_prefix(i);
  PathAndQuery scan = ScanPathAndQuery(rest);
  rest = rest.substr(0, scan.end);
  if (scan.forbidden) return UriError("the URI holds a character that must be percent-encoded");
  std::size_t question = std::min(scan.question, rest.size());
  bool escapes = scan.escapes;
  DigitalLink link;
  AiLookup lookup;
  ParsedAis parsed{link.ais, lookup};
  TXNG_RETURN_IF_ERROR(ParsePath(rest.substr(0, question), escapes, options, parsed));
  if (question < rest.size()) {
    std::size_t path_count = link.ais.size();
    TXNG_RETURN_IF_ERROR(ParseQuery(rest.substr(question + 1), escapes, path_count, options, parsed,
                                    link.other_query_params));
  }
  ElementStringOptions validation;
  validation.permit_unknown_ais = options.permit_unknown_ais;
  validation.validate_requisites = options.validate_requisites;
  TXNG_RETURN_IF_ERROR(ValidateAis(link.ais, lookup, validation));
  return link;
}

}  // namespace txng::gs1
