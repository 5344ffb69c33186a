#include "http/i18n.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace txng::http {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

Request MakeRequest(Params query, std::string cookie = "", std::string accept_language = "") {
  Request r;
  r.method = "GET";
  r.path = "/";
  r.query = std::move(query);
  if (!cookie.empty()) r.headers.emplace_back("cookie", std::move(cookie));
  if (!accept_language.empty())
    r.headers.emplace_back("accept-language", std::move(accept_language));
  return r;
}

TEST(Lang, CodesRoundTrip) {
  EXPECT_EQ(LangCode(Lang::kVi), "vi");
  EXPECT_EQ(LangCode(Lang::kEn), "en");
  EXPECT_EQ(ParseLang("vi"), Lang::kVi);
  EXPECT_EQ(ParseLang("EN"), Lang::kEn);
  EXPECT_EQ(ParseLang("en-US"), std::nullopt);
  EXPECT_EQ(ParseLang(""), std::nullopt);
  EXPECT_EQ(ParseLang("fr"), std::nullopt);
}

TEST(NegotiateLang, DefaultsToVietnamese) { EXPECT_EQ(NegotiateLang(MakeRequest({})), Lang::kVi); }

TEST(NegotiateLang, QueryBeatsCookieBeatsHeader) {
  EXPECT_EQ(NegotiateLang(MakeRequest({{"lang", "en"}}, "lang=vi", "vi")), Lang::kEn);
  EXPECT_EQ(NegotiateLang(MakeRequest({{"lang", "vi"}}, "lang=en", "en")), Lang::kVi);
  EXPECT_EQ(NegotiateLang(MakeRequest({}, "session=abc; lang=en", "vi")), Lang::kEn);
  EXPECT_EQ(NegotiateLang(MakeRequest({}, "lang=vi", "en-GB,en;q=0.9")), Lang::kVi);
  EXPECT_EQ(NegotiateLang(MakeRequest({}, "", "en-GB,en;q=0.9")), Lang::kEn);
}

TEST(NegotiateLang, UnknownValuesFallThrough) {
  EXPECT_EQ(NegotiateLang(MakeRequest({{"lang", "fr"}}, "lang=en", "vi")), Lang::kEn);
  EXPECT_EQ(NegotiateLang(MakeRequest({{"lang", ""}}, "lang=xx", "en")), Lang::kEn);
  EXPECT_EQ(NegotiateLang(MakeRequest({{"lang", "de"}}, "lang=de", "de-DE")), Lang::kVi);
}

TEST(NegotiateLang, GarbageHeaderMeansVietnamese) {
  for (const char* header : {"%%%", ";;;,,,", "q=1", "en;q=abc", "en;q=1.5", "en;q=0.1234", "*",
                             "en;q=0", "\xff\xfe", ", ;q=0.5"}) {
    SCOPED_TRACE(header);
    EXPECT_EQ(NegotiateLang(MakeRequest({}, "", header)), Lang::kVi);
  }
}

TEST(PreferredLang, HonoursQValues) {
  EXPECT_EQ(PreferredLang("vi;q=0.5, en;q=0.8"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en;q=0.5, vi;q=0.8"), Lang::kVi);
  EXPECT_EQ(PreferredLang("fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.7"), Lang::kVi);
  EXPECT_EQ(PreferredLang("fr-FR, en;q=0.5"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en-US,en;q=0.9,vi;q=0.8"), Lang::kEn);
  EXPECT_EQ(PreferredLang("vi-VN"), Lang::kVi);
  EXPECT_EQ(PreferredLang("EN-us"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en ; q=0.3 , vi ; Q=0.2"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en;q=1.000,vi;q=0.999"), Lang::kEn);
}

TEST(PreferredLang, TiesGoToTheEarlierEntry) {
  EXPECT_EQ(PreferredLang("en, vi"), Lang::kEn);
  EXPECT_EQ(PreferredLang("vi;q=0.7, en;q=0.7"), Lang::kVi);
}

TEST(PreferredLang, RefusedAndMalformedEntriesAreSkipped) {
  EXPECT_EQ(PreferredLang("en;q=0, vi;q=0.1"), Lang::kVi);
  EXPECT_EQ(PreferredLang("en;q=0"), std::nullopt);
  EXPECT_EQ(PreferredLang("en;q=2, vi;q=0.2"), Lang::kVi);
  EXPECT_EQ(PreferredLang("en;q=.5, vi;q=0.2"), Lang::kVi);
  EXPECT_EQ(PreferredLang("de, *"), std::nullopt);
  EXPECT_EQ(PreferredLang(""), std::nullopt);
}

TEST(LangCookieToSet, RemembersAnExplicitChoice) {
  EXPECT_EQ(LangCookieToSet(MakeRequest({{"lang", "en"}})),
            "lang=en; Path=/; Max-Age=31536000; SameSite=Lax");
  EXPECT_EQ(LangCookieToSet(MakeRequest({{"lang", "VI"}}, "lang=en")),
            "lang=vi; Path=/; Max-Age=31536000; SameSite=Lax");
  EXPECT_EQ(LangCookieToSet(MakeRequest({{"lang", "en"}}, "lang=en")), std::nullopt);
  EXPECT_EQ(LangCookieToSet(MakeRequest({{"lang", "fr"}})), std::nullopt);
  EXPECT_EQ(LangCookieToSet(MakeRequest({}, "", "en")), std::nullopt);
}

TEST(WithLangParam, ReplacesOnlyTheLangParameter) {
  EXPECT_EQ(WithLangParam("/", Lang::kEn), "/?lang=en");
  EXPECT_EQ(WithLangParam("/login", Lang::kVi), "/login?lang=vi");
  EXPECT_EQ(WithLangParam("/search?q=h%E1%BA%A1t+%C4%91i%E1%BB%81u&lang=vi", Lang::kEn),
            "/search?q=h%E1%BA%A1t+%C4%91i%E1%BB%81u&lang=en");
  EXPECT_EQ(WithLangParam("/a?lang=vi&b=1&lang=en&language=x", Lang::kEn),
            "/a?b=1&language=x&lang=en");
  EXPECT_EQ(WithLangParam("/a?&&b=&", Lang::kVi), "/a?b=&lang=vi");
  EXPECT_EQ(WithLangParam("/01/08930001000018?17=261231", Lang::kEn),
            "/01/08930001000018?17=261231&lang=en");
  EXPECT_EQ(WithLangParam("/p#top", Lang::kEn), "/p?lang=en");
}

TEST(WithLangParam, NonLocalTargetsBecomeTheHomePage) {
  for (const char* target : {"", "//evil.example/x", "/\\evil.example", "http://evil.example/",
                             "javascript:alert(1)", "/a b", "/a\r\nSet-Cookie: x=1"}) {
    SCOPED_TRACE(target);
    EXPECT_EQ(WithLangParam(target, Lang::kEn), "/?lang=en");
  }
}

TEST(Catalogue, BothLanguagesHaveTheSameKeysAndNoEmptyTexts) {
  Result<Catalogue> c = Catalogue::Load(EmbeddedWeb());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const Catalogue::Strings& vi = c->All(Lang::kVi);
  const Catalogue::Strings& en = c->All(Lang::kEn);
  EXPECT_GT(vi.size(), 50u);
  for (const auto& [key, text] : vi) {
    EXPECT_TRUE(en.contains(key)) << "en.json lacks " << key;
    EXPECT_FALSE(text.empty()) << "vi.json: empty " << key;
  }
  for (const auto& [key, text] : en) {
    EXPECT_TRUE(vi.contains(key)) << "vi.json lacks " << key;
    EXPECT_FALSE(text.empty()) << "en.json: empty " << key;
  }
}

TEST(Catalogue, MergesThePartFilesOfEachLanguage) {
  std::vector<EmbeddedFile> web = {{"i18n/vi.json", R"({"a.title": "Tiêu đề"})"},
                                   {"i18n/en.json", R"({"a.title": "Title"})"},
                                   {"i18n/vi/b.json", R"({"b.title": "Phần B"})"},
                                   {"i18n/en/b.json", R"({"b.title": "Part B"})"}};
  Result<Catalogue> c = Catalogue::Load(web);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->T(Lang::kVi, "b.title"), "Phần B");
  EXPECT_EQ(c->T(Lang::kEn, "a.title"), "Title");

  web.push_back({"i18n/vi/c.json", R"({"a.title": "Lần hai"})"});
  EXPECT_EQ(Catalogue::Load(web).status().message(),
            "i18n/vi/c.json: key \"a.title\" is already defined in i18n/vi.json");
  web.back() = {"i18n/vi/c.json", R"({"b.title.more": "x"})"};
  EXPECT_EQ(Catalogue::Load(web).status().message(),
            "i18n/vi/*.json: key \"b.title\" is also the prefix of \"b.title.more\"");
}

TEST(Catalogue, LooksUpTextsAndFallsBackToTheKey) {
  Result<Catalogue> c = Catalogue::Load(EmbeddedWeb());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->T(Lang::kVi, "login.title"), "Đăng nhập");
  EXPECT_EQ(c->T(Lang::kEn, "login.title"), "Sign in");
  EXPECT_EQ(c->T(Lang::kVi, "no.such.key"), "no.such.key");
  EXPECT_EQ(c->Find(Lang::kEn, "no.such.key"), std::nullopt);
  EXPECT_EQ(c->Find(Lang::kEn, "review.approved"), "Approved");
}

// A bundle holding just the two catalogues.
std::vector<EmbeddedFile> Bundle(std::string_view vi, std::string_view en) {
  return {{"i18n/vi.json", vi}, {"i18n/en.json", en}};
}

TEST(Catalogue, RejectsMalformedFilesNamingTheProblem) {
  struct Case {
    std::string_view vi;
    std::string_view message;
  };
  const Case cases[] = {
      {R"({"a.b": "x")", "i18n/vi.json is not valid JSON"},
      {R"(["a"])", "i18n/vi.json must be a JSON object"},
      {R"({"a": {"b": "x"}})", "i18n/vi.json: the value of \"a\" must be a string"},
      {R"({"a": 1})", "i18n/vi.json: the value of \"a\" must be a string"},
      {R"({"Login.title": "x"})",
       "i18n/vi.json: key \"Login.title\" must be [a-z0-9_] segments "
       "joined by dots"},
      {R"({"a..b": "x"})", "i18n/vi.json: key \"a..b\" must be [a-z0-9_] segments joined by dots"},
      {R"({"a b": "x"})", "i18n/vi.json: key \"a b\" must be [a-z0-9_] segments joined by dots"},
      {R"({"login": "x", "login.title": "y", "loginz": "z"})",
       "i18n/vi.json: key \"login\" is also the prefix of \"login.title\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.vi);
    Result<Catalogue> r = Catalogue::Load(Bundle(c.vi, "{}"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), c.message);
  }
  std::vector<EmbeddedFile> only_vi = {{"i18n/vi.json", "{}"}};
  EXPECT_EQ(Catalogue::Load(only_vi).status().message(),
            "i18n/en.json is missing from the web bundle");
  EXPECT_TRUE(Catalogue::Load(Bundle(R"({"login0": "a", "login_x.y": "b"})", "{}")).ok());
}

// Instants around midnight in Vietnam (UTC+7).
constexpr UnixMillis kMidnightHcm = 1741712400000;  // 2025-03-11T17:00:00Z = 12/03 00:00 +07
constexpr UnixMillis kNewYearHcm = 1735666200000;   // 2024-12-31T17:30:00Z = 01/01 00:30 +07

TEST(FormatDate, VietnameseDatesUseTheProvinceTimeZone) {
  EXPECT_EQ(FormatDateVi(kMidnightHcm), "12/03/2025");
  EXPECT_EQ(FormatDateTimeVi(kMidnightHcm), "12/03/2025 00:00");
  EXPECT_EQ(FormatDateVi(kMidnightHcm - 1), "11/03/2025");
  EXPECT_EQ(FormatDateTimeVi(kMidnightHcm - 1), "11/03/2025 23:59");
  EXPECT_EQ(FormatDateTimeVi(kNewYearHcm), "01/01/2025 00:30");
  EXPECT_EQ(FormatDateTimeVi(1764380456123), "29/11/2025 08:40");
  EXPECT_EQ(FormatDateTimeVi(0), "01/01/1970 07:00");
  EXPECT_EQ(FormatDateTimeVi(-1), "01/01/1970 06:59");
  EXPECT_EQ(FormatDateTimeVi(-7 * 3600 * 1000 - 1), "31/12/1969 23:59");
}

TEST(FormatDate, EnglishDatesAreIso) {
  EXPECT_EQ(FormatDate(Lang::kEn, kNewYearHcm), "2025-01-01");
  EXPECT_EQ(FormatDate(Lang::kEn, kNewYearHcm - 31 * 60 * 1000), "2024-12-31");
  EXPECT_EQ(FormatDateTime(Lang::kEn, kNewYearHcm), "2025-01-01 00:30");
  EXPECT_EQ(FormatDate(Lang::kVi, kNewYearHcm), "01/01/2025");
  EXPECT_EQ(FormatDateTime(Lang::kVi, kNewYearHcm), "01/01/2025 00:30");
}

TEST(FormatDate, CalendarDates) {
  EXPECT_EQ(FormatCalendarDate(Lang::kVi, "2025-03-12"), "12/03/2025");
  EXPECT_EQ(FormatCalendarDate(Lang::kEn, "2025-03-12"), "2025-03-12");
  EXPECT_EQ(FormatCalendarDate(Lang::kVi, "2024-02-29"), "29/02/2024");
  for (const char* bad : {"", "2025-02-29", "2025-13-01", "2025-00-10", "2025-3-12", "12/03/2025",
                          "2025-03-1x", "20250312", "2025-03-12T00:00:00Z"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(FormatCalendarDate(Lang::kVi, bad), std::nullopt);
  }
}

}  // namespace
}  // namespace txng::http
