// Languages of the web pages: Vietnamese first, English on request.
//
// The language of a page is negotiated per request (NegotiateLang); every
// user-visible string comes from a message catalogue (web/i18n/<lang>.json,
// a flat JSON object of "area.name" keys to texts); dates are shown the way
// each audience reads them, in the province's time zone.
#ifndef TXNG_HTTP_I18N_H_
#define TXNG_HTTP_I18N_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/embedded.h"
#include "common/status.h"
#include "http/message.h"

namespace txng::http {

enum class Lang { kVi, kEn };

// "vi" or "en".
std::string_view LangCode(Lang lang);
// Exactly "vi" or "en", in any letter case; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

// The language of the response, in this order of precedence:
//  1. the `lang` query parameter ("vi" or "en"; other values are ignored),
//  2. the `lang` cookie (same values),
//  3. the Accept-Language header: the supported language with the highest
//     q-value wins, the earlier one on a tie; "vi-VN" counts as "vi"; a
//     language with q=0 is refused; malformed entries are skipped,
//  4. Vietnamese.
Lang NegotiateLang(const Request& request);

// Step 3 alone: the preferred supported language of an Accept-Language
// value, or nullopt when it names none.
std::optional<Lang> PreferredLang(std::string_view accept_language);

// When the request chose a language with `?lang=` that its cookie does not
// already hold, the Set-Cookie value that remembers the choice for a year
// (so that the visitor's next pages stay in that language); else nullopt.
std::optional<std::string> LangCookieToSet(const Request& request);

// `target` (a request target: path and optional query, still
// percent-encoded) with its `lang` query parameters replaced by one for
// `lang`; the other parameters keep their order. A target that is not a
// local path ("//evil.example", "http://...", "") becomes "/?lang=...", so
// the result is always safe as a same-site link.
std::string WithLangParam(std::string_view target, Lang lang);

// The texts of both languages, loaded once from the web bundle.
//
// Keys are lower-case ASCII segments ([a-z0-9_]) joined by dots, such as
// "login.title". No key may also be the prefix of another ("login" beside
// "login.title"), because templates see the catalogue as nested objects
// (see templates.h).
class Catalogue {
 public:
  using Strings = std::map<std::string, std::string, std::less<>>;

  // Reads i18n/vi.json and i18n/en.json from `web`. Fails with
  // kInvalidArgument naming the file and key when a file is missing, is not
  // a flat object of strings, or breaks the key rules above.
  static Result<Catalogue> Load(std::span<const EmbeddedFile> web);

  // The text for `key`, or `key` itself when the catalogue lacks it (so a
  // missing text shows up on the page instead of vanishing).
  std::string_view T(Lang lang, std::string_view key) const;
  // The text for `key`, or nullopt when the catalogue lacks it.
  std::optional<std::string_view> Find(Lang lang, std::string_view key) const;
  // Every key and text of one language.
  const Strings& All(Lang lang) const { return lang == Lang::kVi ? vi_ : en_; }

 private:
  Strings vi_;
  Strings en_;
};

// Dates and times as read in the province: Asia/Ho_Chi_Minh, which is UTC+7
// all year (Vietnam has no daylight saving time, so a fixed offset is exact).
// "dd/mm/yyyy".
std::string FormatDateVi(UnixMillis t);
// "dd/mm/yyyy HH:MM", 24-hour clock.
std::string FormatDateTimeVi(UnixMillis t);
// Vietnamese as above; English as ISO 8601 "yyyy-mm-dd" (same time zone).
std::string FormatDate(Lang lang, UnixMillis t);
// Vietnamese as above; English "yyyy-mm-dd HH:MM" (same time zone).
std::string FormatDateTime(Lang lang, UnixMillis t);
// A calendar date stored as "yyyy-mm-dd" (lot production and expiry dates),
// shown as FormatDate would; nullopt when `iso_date` is not a valid date.
std::optional<std::string> FormatCalendarDate(Lang lang, std::string_view iso_date);

}  // namespace txng::http

#endif  // TXNG_HTTP_I18N_H_
