#include "http/templates.h"

#include <cstdint>
#include <cstdio>
#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

namespace txng::http {
namespace {

namespace kms = kainjow::mustache;

constexpr std::string_view kTemplateDir = "templates/";
constexpr std::string_view kTemplateExt = ".mustache";
constexpr std::string_view kLayout = "layout";

int LangIndex(Lang lang) { return lang == Lang::kVi ? 0 : 1; }
Lang OtherLang(Lang lang) { return lang == Lang::kVi ? Lang::kEn : Lang::kVi; }

// HTML-escapes as kainjow's default escaper does (& < > " '), but copies
// runs of ordinary characters in one go instead of one by one.
std::string EscapeHtml(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    std::string_view entity;
    switch (s[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out.append(s, plain, i - plain).append(entity);
    plain = i + 1;
  }
  return out.append(s, plain, std::string::npos);
}

// JSON as mustache data; see the mapping in templates.h.
kms::data ToMustache(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      kms::data out(kms::data::type::object);
      for (const auto& [key, value] : j.items()) out[key] = ToMustache(value);
      return out;
    }
    case nlohmann::json::value_t::array: {
      kms::list items;
      items.reserve(j.size());
      for (const nlohmann::json& value : j) items.push_back(ToMustache(value));
      return kms::data(items);
    }
    case nlohmann::json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      return s.empty() ? kms::data(false) : kms::data(s);
    }
    case nlohmann::json::value_t::boolean:
      return kms::data(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return kms::data(j.dump());
    default:  // null, and binary values, which JSON text never holds
      return kms::data(false);
  }
}

// The catalogue as nested objects: "login.title" becomes t.login.title.
// Catalogue::Load guarantees that no key is also another key's prefix.
kms::data NestedStrings(const Catalogue::Strings& strings) {
  kms::data root(kms::data::type::object);
  for (const auto& [key, text] : strings) {
    kms::data* node = &root;
    std::string_view rest = key;
    for (size_t dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
      node = &(*node)[std::string(rest.substr(0, dot))];
      rest.remove_prefix(dot + 1);
    }
    (*node)[std::string(rest)] = kms::data(text);
  }
  return root;
}

// The names whose values are fixed for a language (catalogue texts, lang,
// site, assets), each with its HTML-escaped value.
using Constants = std::map<std::string, std::string, std::less<>>;

// Appends `escaped` (HTML-escaped text) to `out` with its braces written as
// character references, so that it can never form a mustache tag.
void AppendInert(std::string& out, std::string_view escaped) {
  for (char c : escaped) {
    if (c == '{') {
      out += "&#123;";
    } else if (c == '}') {
      out += "&#125;";
    } else {
      out += c;
    }
  }
}

// `source` with every plain {{name}} tag of a constant replaced by its
// escaped value, so that rendering does not look those up again and again
// (a page holds dozens of texts). A {{t.key}} whose key the catalogue lacks
// becomes the key itself, as Catalogue::T does, so the gap shows on the page.
// Sections, comments and unescaped tags are left alone; sections on constants
// ({{#is_vi}}) still find them among the per-language names at render time.
std::string WithConstants(std::string_view source, const Constants& constants) {
  std::string out;
  out.reserve(source.size());
  for (size_t open = source.find("{{"); open != std::string_view::npos; open = source.find("{{")) {
    const bool triple = source.substr(open).starts_with("{{{");
    const size_t close = source.find(triple ? "}}}" : "}}", open);
    if (close == std::string_view::npos) break;  // left for the parser to report
    const size_t end = close + (triple ? 3 : 2);
    std::string_view name = source.substr(open + 2, close - open - 2);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    out.append(source.substr(0, open));
    const auto constant = triple ? constants.end() : constants.find(name);
    if (constant != constants.end()) {
      AppendInert(out, constant->second);
    } else if (!triple && name.starts_with("t.")) {
      AppendInert(out, EscapeHtml(std::string(name.substr(2))));
    } else {
      out.append(source.substr(open, end - open));
    }
    source.remove_prefix(end);
  }
  return out.append(source);
}

// The lookup stack of one render. It resolves names as kainjow's own context
// does (innermost scope first; "a.b" walks objects within one scope), but
// splits dotted names without building a stringstream for each lookup.
class Scope final : public kms::basic_context<std::string> {
 public:
  void push(const kms::data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }

  const kms::data* get(const std::string& name) const override {
    if (name == ".") return items_.back();
    for (auto item = items_.rbegin(); item != items_.rend(); ++item) {
      const kms::data* found = *item;
      std::string_view rest = name;
      while (found != nullptr) {
        const size_t dot = rest.find('.');
        found = found->get(std::string(rest.substr(0, dot)));
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
      }
      if (found != nullptr) return found;
    }
    return nullptr;
  }

  // Partials are refused when templates are loaded.
  const kms::data* get_partial(const std::string&) const override { return nullptr; }

 private:
  std::vector<const kms::data*> items_;  // innermost last
};

// What kainjow's render() writes to: appends to a string, where a
// std::ostringstream would cost a locale set-up per render.
struct StringSink {
  std::string text;
  StringSink& operator<<(const std::string& s) {
    text += s;
    return *this;
  }
};

// A short content hash (64-bit FNV-1a) for cache-busting asset URLs.
std::string ContentVersion(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 10);
}

std::string AssetUrl(std::span<const EmbeddedFile> web, std::string_view path) {
  const std::optional<std::string_view> bytes = FindEmbedded(web, path);
  if (!bytes) throw std::runtime_error(std::string(path) + " is missing from the web bundle");
  return "/" + std::string(path) + "?v=" + ContentVersion(*bytes);
}

// Why `source` cannot be used, or nullopt. Partials would be parsed again on
// every render (and could pull data in as template text); other delimiters
// would hide tags from WithConstants.
std::optional<std::string> UnsupportedTag(std::string_view source) {
  for (size_t at = source.find("{{"); at != std::string_view::npos; at = source.find("{{", at)) {
    at += 2;
    while (at < source.size() && (source[at] == ' ' || source[at] == '\t')) ++at;
    if (at < source.size() && source[at] == '>') return "partials are not supported";
    if (at < source.size() && source[at] == '=') return "changing delimiters is not supported";
  }
  return std::nullopt;
}

// `source` without its leading "{{! ... }}" comment and that comment's line
// break: each template documents its data there, and kainjow would otherwise
// keep the empty line in every page.
std::string_view WithoutLeadingComment(std::string_view source) {
  if (!source.starts_with("{{!")) return source;
  const size_t end = source.find("}}");
  if (end == std::string_view::npos) return source;  // left for the parser to report
  source.remove_prefix(end + 2);
  if (source.starts_with("\n")) source.remove_prefix(1);
  return source;
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  for (size_t at = text.find(from); at != std::string_view::npos; at = text.find(from)) {
    out.append(text.substr(0, at)).append(to);
    text.remove_prefix(at + from.size());
  }
  return out.append(text);
}

}  // namespace

struct Renderer::Impl {
  Catalogue catalogue;
  // Per language: t, lang, is_vi, is_en, site, assets.
  kms::data globals[2];
  // Per language, every template with that language's constants filled in.
  //
  // kainjow's render() is not const, yet rendering only reads the parsed
  // template: it writes to it solely to record the failure of a partial or a
  // lambda, and these templates have no partials (checked at load) while
  // ToMustache never makes lambdas. Concurrent renders are therefore safe.
  mutable std::map<std::string, kms::mustache, std::less<>> templates[2];

  kms::mustache& Template(std::string_view name, Lang lang) const {
    auto& of_lang = templates[LangIndex(lang)];
    const auto it = of_lang.find(name);
    if (it == of_lang.end()) {
      throw std::out_of_range("no template \"" + std::string(name) + "\" in the web bundle");
    }
    return it->second;
  }
};

Renderer::Renderer(std::span<const EmbeddedFile> web, Site site) {
  auto impl = std::make_unique<Impl>();
  Result<Catalogue> catalogue = Catalogue::Load(web);
  if (!catalogue.ok()) throw std::runtime_error(catalogue.status().message());
  impl->catalogue = std::move(catalogue).value();
  const Catalogue& c = impl->catalogue;

  std::vector<std::pair<std::string, std::string>> assets;  // name, URL
  for (const auto& [name, path] :
       {std::pair{"css", "static/txng.css"}, std::pair{"js", "static/txng.js"},
        std::pair{"icon", "static/favicon.svg"}}) {
    assets.emplace_back(name, AssetUrl(web, path));
  }
  Constants constants[2];
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    Constants& k = constants[LangIndex(lang)];
    kms::data& g = impl->globals[LangIndex(lang)];
    for (const auto& [key, text] : c.All(lang)) k["t." + key] = EscapeHtml(text);
    g["t"] = NestedStrings(c.All(lang));
    g["lang"] = k["lang"] = std::string(LangCode(lang));
    g["is_vi"] = kms::data(lang == Lang::kVi);
    g["is_en"] = kms::data(lang == Lang::kEn);
    kms::data site_data(kms::data::type::object);
    const std::string title = site.province.empty() ? std::string(c.T(lang, "site.title"))
                                                    : Replace(c.T(lang, "site.title_province"),
                                                              "{province}", site.province);
    site_data["title"] = title;
    k["site.title"] = EscapeHtml(title);
    if (!site.province.empty()) {
      site_data["province"] = site.province;
      k["site.province"] = EscapeHtml(site.province);
    }
    g["site"] = std::move(site_data);
    kms::data asset_data(kms::data::type::object);
    for (const auto& [name, url] : assets) {
      asset_data[name] = url;
      k["assets." + name] = EscapeHtml(url);
    }
    g["assets"] = std::move(asset_data);
  }

  for (const EmbeddedFile& file : web) {
    if (!file.path.starts_with(kTemplateDir) || !file.path.ends_with(kTemplateExt)) continue;
    std::string_view name = file.path.substr(kTemplateDir.size());
    name.remove_suffix(kTemplateExt.size());
    if (name.find('/') != std::string_view::npos) continue;
    if (std::optional<std::string> why = UnsupportedTag(file.data)) {
      throw std::runtime_error(std::string(file.path) + ": " + *why);
    }
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      kms::mustache parsed{
          WithConstants(WithoutLeadingComment(file.data), constants[LangIndex(lang)])};
      if (!parsed.is_valid()) {
        throw std::runtime_error(std::string(file.path) + ": " + parsed.error_message());
      }
      parsed.set_custom_escape(EscapeHtml);
      impl->templates[LangIndex(lang)].emplace(std::string(name), std::move(parsed));
    }
  }
  for (std::string_view required : {kLayout, std::string_view("error")}) {
    if (!impl->templates[0].contains(required)) {
      throw std::runtime_error("templates/" + std::string(required) +
                               ".mustache is missing from the web bundle");
    }
  }
  impl_ = std::move(impl);
}

Renderer::~Renderer() = default;

const Catalogue& Renderer::catalogue() const { return impl_->catalogue; }

std::string Renderer::Render(std::string_view page, const nlohmann::json& data, Lang lang) const {
  if (page == kLayout) throw std::out_of_range("the layout is not a page");
  kms::mustache& body_template = impl_->Template(page, lang);
  if (!data.is_null() && !data.is_object()) {
    throw std::invalid_argument("page data must be a JSON object");
  }
  const kms::data page_data = data.is_null() ? kms::data() : ToMustache(data);

  kms::data added(kms::data::type::object);
  const auto title = data.is_object() ? data.find("title") : data.end();
  if (title != data.end() && title->is_string() && !title->get_ref<const std::string&>().empty()) {
    added["page_title"] = title->get<std::string>();
  } else if (std::optional<std::string_view> text =
                 impl_->catalogue.Find(lang, std::string(page) + ".title")) {
    added["page_title"] = std::string(*text);
  }
  added["page_is"] = kms::data(std::string(page), kms::data(true));
  const auto target = data.is_object() ? data.find("target") : data.end();
  const Lang other = OtherLang(lang);
  kms::data lang_switch(kms::data::type::object);
  lang_switch["href"] = WithLangParam(
      target != data.end() && target->is_string() ? target->get_ref<const std::string&>() : "/",
      other);
  lang_switch["lang"] = std::string(LangCode(other));
  lang_switch["label"] = std::string(impl_->catalogue.T(lang, "lang.switch"));
  added["lang_switch"] = std::move(lang_switch);

  Scope scope;
  scope.push(&page_data);  // pushed first, looked up last
  scope.push(&impl_->globals[LangIndex(lang)]);
  scope.push(&added);
  StringSink body;
  body_template.render(scope, body);
  added["body"] = std::move(body.text);
  StringSink html;
  html.text.reserve(added.get("body")->string_value().size() + 4096);
  impl_->Template(kLayout, lang).render(scope, html);
  return std::move(html.text);
}

std::string Renderer::RenderError(int status, std::string_view message, const nlohmann::json& data,
                                  Lang lang) const {
  const Catalogue& c = impl_->catalogue;
  std::string key = "error." + std::to_string(status);
  if (!c.Find(lang, key + ".title")) key = status >= 500 ? "error.500" : "error.400";
  nlohmann::json page = data.is_object() ? data : nlohmann::json::object();
  page["status"] = status;
  page["title"] = c.T(lang, key + ".title");
  page["hint"] = c.T(lang, key + ".hint");
  page["message"] = message;
  return Render("error", page, lang);
}

nlohmann::json DateValue(Lang lang, UnixMillis t) {
  return {{"iso", FormatIso8601(t)}, {"text", FormatDate(lang, t)}};
}

nlohmann::json DateTimeValue(Lang lang, UnixMillis t) {
  return {{"iso", FormatIso8601(t)}, {"text", FormatDateTime(lang, t)}};
}

nlohmann::json CalendarDateValue(Lang lang, std::string_view iso_date) {
  std::optional<std::string> text = FormatCalendarDate(lang, iso_date);
  if (!text) return nullptr;
  return {{"iso", iso_date}, {"text", std::move(*text)}};
}

nlohmann::json OcopValue(int stars) {
  if (stars < 1 || stars > 5) return nullptr;
  std::string symbols;
  for (int i = 0; i < stars; ++i) symbols += "★";
  return {{"stars", stars}, {"symbols", std::move(symbols)}};
}

}  // namespace txng::http
