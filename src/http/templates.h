// Server-rendered HTML pages: mustache templates from the web bundle, filled
// with JSON data, wrapped in the common layout, in one of two languages.
//
// Every page is `templates/<page>.mustache` rendered first and then placed,
// unescaped, as {{{body}}} into `templates/layout.mustache`. Both see the
// same names. The caller's `data` (a JSON object, or null for none) provides
// the page's own names (see the comment at the top of each template); these
// names are the renderer's and win over any of `data` (so that no caller's
// field can ever stand in for the raw `body` or a catalogue text):
//   per request:
//     page_title   data["title"] if given, else the catalogue text
//                  "<page>.title" if any
//     page_is.<page>  true, for marking the current navigation entry
//     lang_switch  {href, lang, label}: a link to the same page in the other
//                  language, built from data["target"] (the request target;
//                  "/" when absent) by WithLangParam
//     body         (layout only) the rendered page
//   per language, fixed at construction (plain {{name}} tags of these are
//   filled into the templates once, when they are loaded):
//     t            the catalogue of the language as nested objects: the text
//                  of key "login.title" is written {{t.login.title}}, exactly
//                  the key as it stands in web/i18n/*.json; a key the
//                  catalogue lacks shows as the key itself
//     lang         "vi" or "en";  is_vi / is_en  booleans
//     site         {province, title}: title is the portal's name in that
//                  language, made from the catalogue and Site::province
//     assets       {css, js, icon}: URLs of the static files, each with a
//                  ?v=<content hash> so they can be cached for long
//
// JSON maps onto mustache as: objects and arrays as themselves, strings as
// strings, numbers as their decimal text, true/false as booleans, and null
// and "" as false, so `{{#x}}…{{/x}}` means "when x is present and not
// empty" and `{{^x}}…{{/x}}` means "otherwise". {{x}} HTML-escapes (& < > "
// '); templates use {{{x}}} only for `body`.
#ifndef TXNG_HTTP_TEMPLATES_H_
#define TXNG_HTTP_TEMPLATES_H_

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>

#include "common/embedded.h"
#include "http/i18n.h"

namespace txng::http {

// Facts about the deployment that pages show; from configuration.
struct Site {
  // The province as written in the portal's name, e.g. "Bình Phước"; empty
  // for a portal that serves no single province (the national portal).
  std::string province;
};

class Renderer {
 public:
  // Loads the catalogues and parses every template of `web` once. Throws
  // std::runtime_error naming the file when the bundle is unusable (a
  // catalogue fails Catalogue::Load, a template does not parse, or uses a
  // partial, which would be re-parsed on every render): the bundle is built
  // into the binary, so this is a build defect that must stop start-up.
  explicit Renderer(std::span<const EmbeddedFile> web, Site site = {});
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // The page `page` (a template name without extension, e.g. "product")
  // with `data` in `lang`, inside the layout. Safe to call concurrently from
  // many threads. Throws std::out_of_range when `page` names no template and
  // std::invalid_argument when `data` is neither an object nor null.
  std::string Render(std::string_view page, const nlohmann::json& data, Lang lang) const;

  // The "error" page for an HTTP status: title and advice on what to do next
  // come from the catalogue ("error.<status>.title", "error.<status>.hint";
  // statuses without texts of their own use those of 400 or 500), `message`
  // says what went wrong. `data` may add the layout's names (user,
  // csrf_token, target).
  std::string RenderError(int status, std::string_view message, const nlohmann::json& data,
                          Lang lang) const;

  const Catalogue& catalogue() const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// Values shaped for the templates. The comment at the top of each
// web/templates/*.mustache lists the data that template expects.

// {"iso": "2025-03-12T01:40:56.123Z", "text": "12/03/2025"} for
// <time datetime="{{iso}}">{{text}}</time>; text as FormatDate.
nlohmann::json DateValue(Lang lang, UnixMillis t);
// As DateValue, with text as FormatDateTime ("12/03/2025 08:40").
nlohmann::json DateTimeValue(Lang lang, UnixMillis t);
// A "yyyy-mm-dd" calendar date: {"iso": "2025-03-12", "text": "12/03/2025"},
// or null when `iso_date` is empty or not a date (so the template shows its
// "not available" text).
nlohmann::json CalendarDateValue(Lang lang, std::string_view iso_date);
// An OCOP rating: {"stars": 4, "symbols": "★★★★"}, or null when the product
// is not rated (stars outside 1..5).
nlohmann::json OcopValue(int stars);

}  // namespace txng::http

#endif  // TXNG_HTTP_TEMPLATES_H_
