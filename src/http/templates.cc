#include "http/templates.h"

#include <cstdint>
#include <cstdio>
#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace txng::http {
namespace {

namespace kms = kainjow::mustache;

constexpr std::string_view kTemplateDir = "templates/";
constexpr std::string_view kTemplateExt = ".mustache";
constexpr std::string_view kLayout = "layout";

int LangIndex(Lang lang) { return lang == Lang::kVi ? 0 : 1; }
Lang OtherLang(Lang lang) { return lang == Lang::kVi ? Lang::kEn : Lang::kVi; }

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

// True when `source` has a partial tag ("{{>name}}", "{{ > name }}").
bool HasPartial(std::string_view source) {
  for (size_t at = source.find("{{"); at != std::string_view::npos; at = source.find("{{", at)) {
    at += 2;
    while (at < source.size() && (source[at] == ' ' || source[at] == '\t')) ++at;
    if (at < source.size() && source[at] == '>') return true;
  }
  return false;
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
  // kainjow's render() is not const, yet rendering only reads the parsed
  // template: it writes to it solely to record the failure of a partial or a
  // lambda, and these templates have no partials (checked at load) while
  // ToMustache never makes lambdas. Concurrent renders are therefore safe.
  mutable std::map<std::string, kms::mustache, std::less<>> templates;

  kms::mustache& Template(std::string_view name) const {
    const auto it = templates.find(name);
    if (it == templates.end()) {
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

  for (const EmbeddedFile& file : web) {
    if (!file.path.starts_with(kTemplateDir) || !file.path.ends_with(kTemplateExt)) continue;
    std::string_view name = file.path.substr(kTemplateDir.size());
    name.remove_suffix(kTemplateExt.size());
    if (name.find('/') != std::string_view::npos) continue;
    if (HasPartial(file.data)) {
      throw std::runtime_error(std::string(file.path) + ": partials are not supported");
    }
    kms::mustache parsed{std::string(WithoutLeadingComment(file.data))};
    if (!parsed.is_valid()) {
      throw std::runtime_error(std::string(file.path) + ": " + parsed.error_message());
    }
    impl->templates.emplace(std::string(name), std::move(parsed));
  }
  for (std::string_view required : {kLayout, std::string_view("error")}) {
    if (!impl->templates.contains(required)) {
      throw std::runtime_error("templates/" + std::string(required) +
                               ".mustache is missing from the web bundle");
    }
  }

  kms::data assets(kms::data::type::object);
  assets["css"] = AssetUrl(web, "static/txng.css");
  assets["js"] = AssetUrl(web, "static/txng.js");
  assets["icon"] = AssetUrl(web, "static/favicon.svg");
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    const Catalogue& c = impl->catalogue;
    kms::data site_data(kms::data::type::object);
    if (site.province.empty()) {
      site_data["title"] = std::string(c.T(lang, "site.title"));
    } else {
      site_data["province"] = site.province;
      site_data["title"] = Replace(c.T(lang, "site.title_province"), "{province}", site.province);
    }
    kms::data& g = impl->globals[LangIndex(lang)];
    g = kms::data(kms::data::type::object);
    g["t"] = NestedStrings(c.All(lang));
    g["lang"] = std::string(LangCode(lang));
    g["is_vi"] = kms::data(lang == Lang::kVi);
    g["is_en"] = kms::data(lang == Lang::kEn);
    g["site"] = std::move(site_data);
    g["assets"] = kms::data(assets);
  }
  impl_ = std::move(impl);
}

Renderer::~Renderer() = default;

const Catalogue& Renderer::catalogue() const { return impl_->catalogue; }

std::string Renderer::Render(std::string_view page, const nlohmann::json& data, Lang lang) const {
  if (page == kLayout) throw std::out_of_range("the layout is not a page");
  kms::mustache& body_template = impl_->Template(page);
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

  kms::context<std::string> context;
  context.push(&impl_->globals[LangIndex(lang)]);
  context.push(&page_data);
  context.push(&added);  // pushed last, looked up first
  added["body"] = body_template.render(context);
  return impl_->Template(kLayout).render(context);
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
