#include "http/i18n.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace txng::http {
namespace {

// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving time since 1975.
constexpr std::chrono::hours kProvinceUtcOffset{7};

// A year is long enough to outlive most visits and short enough to expire.
constexpr std::string_view kLangCookieAttributes = "; Path=/; Max-Age=31536000; SameSite=Lax";

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An RFC 9110 qvalue ("0", "0.8", "1.000") in thousandths; nullopt when malformed.
std::optional<int> ParseQValue(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int value = (s[0] - '0') * 1000;
  if (s.size() == 1) return value;
  if (s[1] != '.' || s.size() > 5) return std::nullopt;
  int scale = 100;
  for (char c : s.substr(2)) {
    if (!IsDigit(c)) return std::nullopt;
    value += (c - '0') * scale;
    scale /= 10;
  }
  if (value > 1000) return std::nullopt;
  return value;
}

bool IsKeySegmentChar(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_'; }

bool IsValidKey(std::string_view key) {
  for (std::string_view segment : Split(key, '.')) {
    if (segment.empty()) return false;
    for (char c : segment) {
      if (!IsKeySegmentChar(c)) return false;
    }
  }
  return true;
}

// In key order, every key that extends "k." directly follows "k", because
// '.' sorts before every other character a key may hold.
Status CheckNoKeyIsAPrefix(const Catalogue::Strings& strings, const std::string& where) {
  for (auto it = strings.begin(); it != strings.end(); ++it) {
    const auto next = std::next(it);
    if (next != strings.end() && next->first.starts_with(it->first + ".")) {
      return Status::InvalidArgument(where + ": key \"" + it->first +
                                     "\" is also the prefix of \"" + next->first + "\"");
    }
  }
  return Status::Ok();
}

Result<Catalogue::Strings> LoadStrings(std::span<const EmbeddedFile> web, std::string_view path) {
  const std::string where(path);
  const std::optional<std::string_view> text = FindEmbedded(web, path);
  if (!text) return Status::InvalidArgument(where + " is missing from the web bundle");
  const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidArgument(where + " is not valid JSON");
  if (!doc.is_object()) return Status::InvalidArgument(where + " must be a JSON object");
  Catalogue::Strings strings;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string()) {
      return Status::InvalidArgument(where + ": the value of \"" + key + "\" must be a string");
    }
    if (!IsValidKey(key)) {
      return Status::InvalidArgument(where + ": key \"" + key +
                                     "\" must be [a-z0-9_] segments joined by dots");
    }
    strings.emplace(key, value.get<std::string>());
  }
  if (Status s = CheckNoKeyIsAPrefix(strings, where); !s.ok()) return s;
  return strings;
}

struct ProvinceTime {
  int year, month, day, hour, minute;
};

ProvinceTime ToProvinceTime(UnixMillis t) {
  using namespace std::chrono;
  const sys_time<milliseconds> local = sys_time<milliseconds>(milliseconds(t)) + kProvinceUtcOffset;
  const sys_days day = floor<days>(local);
  const year_month_day ymd(day);
  const auto minute_of_day = duration_cast<minutes>(local - day).count();  // local >= day
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(minute_of_day / 60),
          static_cast<int>(minute_of_day % 60)};
}

std::string FormatDayFirst(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

std::string FormatIsoDate(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string FormatClock(int hour, int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  return buf;
}

}  // namespace

std::string_view LangCode(Lang lang) { return lang == Lang::kVi ? "vi" : "en"; }

std::optional<Lang> ParseLang(std::string_view code) {
  if (EqualsIgnoreCase(code, "vi")) return Lang::kVi;
  if (EqualsIgnoreCase(code, "en")) return Lang::kEn;
  return std::nullopt;
}

std::optional<Lang> PreferredLang(std::string_view accept_language) {
  std::optional<Lang> best;
  int best_q = 0;
  for (std::string_view entry : Split(accept_language, ',')) {
    const std::vector<std::string_view> parts = Split(entry, ';');
    const std::string_view range = Trim(parts[0]);
    std::optional<int> q = 1000;
    for (size_t i = 1; i < parts.size() && q; ++i) {
      const std::string_view param = Trim(parts[i]);
      if (param.size() >= 2 && AsciiLower(param[0]) == 'q' && param[1] == '=') {
        q = ParseQValue(param.substr(2));
      }
    }
    if (!q) continue;  // a malformed q-value makes the whole entry unreadable
    const std::optional<Lang> lang = ParseLang(range.substr(0, range.find('-')));
    if (lang && *q > best_q) {
      best = lang;
      best_q = *q;
    }
  }
  return best;
}

Lang NegotiateLang(const Request& request) {
  if (std::optional<std::string> q = request.Query("lang")) {
    if (std::optional<Lang> lang = ParseLang(*q)) return *lang;
  }
  if (std::optional<std::string> cookie = request.Cookie("lang")) {
    if (std::optional<Lang> lang = ParseLang(*cookie)) return *lang;
  }
  if (std::optional<std::string> header = request.Header("accept-language")) {
    if (std::optional<Lang> lang = PreferredLang(*header)) return *lang;
  }
  return Lang::kVi;
}

std::optional<std::string> LangCookieToSet(const Request& request) {
  const std::optional<std::string> q = request.Query("lang");
  if (!q) return std::nullopt;
  const std::optional<Lang> chosen = ParseLang(*q);
  if (!chosen) return std::nullopt;
  const std::optional<std::string> cookie = request.Cookie("lang");
  if (cookie && ParseLang(*cookie) == chosen) return std::nullopt;
  return "lang=" + std::string(LangCode(*chosen)) + std::string(kLangCookieAttributes);
}

std::string WithLangParam(std::string_view target, Lang lang) {
  bool local = target.size() >= 1 && target[0] == '/' &&
               !(target.size() >= 2 && (target[1] == '/' || target[1] == '\\'));
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) local = false;
  }
  if (!local) target = "/";
  target = target.substr(0, target.find('#'));
  const size_t question = target.find('?');
  std::string out(target.substr(0, question));
  out += '?';
  if (question != std::string_view::npos) {
    for (std::string_view param : Split(target.substr(question + 1), '&')) {
      if (param.empty() || param.substr(0, param.find('=')) == "lang") continue;
      out.append(param);
      out += '&';
    }
  }
  out += "lang=";
  out += LangCode(lang);
  return out;
}

namespace {

// One language's catalogue: `i18n/<code>.json` and every `i18n/<code>/*.json`
// beside it (one file per part of the portal), merged. A key defined in two
// files, or that is the prefix of another key, is an error.
Result<Catalogue::Strings> LoadLanguage(std::span<const EmbeddedFile> web, std::string_view code) {
  const std::string main_path = "i18n/" + std::string(code) + ".json";
  const std::string part_prefix = "i18n/" + std::string(code) + "/";
  std::vector<std::string_view> paths = {main_path};
  for (const EmbeddedFile& f : web) {
    if (f.path.starts_with(part_prefix) && f.path.ends_with(".json")) paths.push_back(f.path);
  }
  std::sort(paths.begin() + 1, paths.end());
  Catalogue::Strings merged;
  std::map<std::string, std::string_view, std::less<>> origin;
  for (std::string_view path : paths) {
    TXNG_ASSIGN_OR_RETURN(Catalogue::Strings part, LoadStrings(web, path));
    for (auto& [key, text] : part) {
      if (auto it = origin.find(key); it != origin.end()) {
        return Status::InvalidArgument(std::string(path) + ": key \"" + key +
                                       "\" is already defined in " + std::string(it->second));
      }
      origin.emplace(key, path);
      merged.emplace(key, std::move(text));
    }
  }
  if (Status s = CheckNoKeyIsAPrefix(merged, part_prefix + "*.json"); !s.ok()) return s;
  return merged;
}

}  // namespace

Result<Catalogue> Catalogue::Load(std::span<const EmbeddedFile> web) {
  Result<Strings> vi = LoadLanguage(web, "vi");
  if (!vi.ok()) return vi.status();
  Result<Strings> en = LoadLanguage(web, "en");
  if (!en.ok()) return en.status();
  Catalogue catalogue;
  catalogue.vi_ = std::move(vi).value();
  catalogue.en_ = std::move(en).value();
  return catalogue;
}

std::optional<std::string_view> Catalogue::Find(Lang lang, std::string_view key) const {
  const Strings& strings = All(lang);
  const auto it = strings.find(key);
  if (it == strings.end()) return std::nullopt;
  return it->second;
}

std::string_view Catalogue::T(Lang lang, std::string_view key) const {
  return Find(lang, key).value_or(key);
}

std::string FormatDateVi(UnixMillis t) {
  const ProvinceTime p = ToProvinceTime(t);
  return FormatDayFirst(p.year, p.month, p.day);
}

std::string FormatDateTimeVi(UnixMillis t) {
  const ProvinceTime p = ToProvinceTime(t);
  return FormatDayFirst(p.year, p.month, p.day) + " " + FormatClock(p.hour, p.minute);
}

std::string FormatDate(Lang lang, UnixMillis t) {
  if (lang == Lang::kVi) return FormatDateVi(t);
  const ProvinceTime p = ToProvinceTime(t);
  return FormatIsoDate(p.year, p.month, p.day);
}

std::string FormatDateTime(Lang lang, UnixMillis t) {
  if (lang == Lang::kVi) return FormatDateTimeVi(t);
  const ProvinceTime p = ToProvinceTime(t);
  return FormatIsoDate(p.year, p.month, p.day) + " " + FormatClock(p.hour, p.minute);
}

std::optional<std::string> FormatCalendarDate(Lang lang, std::string_view iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (char c : iso_date.substr(starts[f], lengths[f])) {
      if (!IsDigit(c)) return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year(fields[0]),
                                        std::chrono::month(static_cast<unsigned>(fields[1])),
                                        std::chrono::day(static_cast<unsigned>(fields[2]))};
  if (!ymd.ok()) return std::nullopt;
  if (lang == Lang::kVi) return FormatDayFirst(fields[0], fields[1], fields[2]);
  return std::string(iso_date);
}

}  // namespace txng::http
