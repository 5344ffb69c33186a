#include "http/message.h"

#include <gtest/gtest.h>

namespace txng::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(PercentDecode("a%20b%2Fc", false), "a b/c");
  EXPECT_EQ(PercentDecode("%C4%91%c3%a9", false), "\xC4\x91\xC3\xA9");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("", false), "");
}

TEST(PercentDecode, RejectsMalformedEscapesAndNul) {
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("ab%2", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%2g", false), std::nullopt);
  EXPECT_EQ(PercentDecode("a%00b", false), std::nullopt);
  EXPECT_EQ(PercentDecode(std::string_view("a\0b", 3), false), std::nullopt);
}

TEST(PercentEncode, EncodesAllButUnreserved) {
  EXPECT_EQ(PercentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(PercentEncode("a b/c?d=e&f"), "a%20b%2Fc%3Fd%3De%26f");
  EXPECT_EQ(PercentEncode("\xC4\x91"), "%C4%91");
  EXPECT_EQ(PercentDecode(PercentEncode("x y+z%"), false), "x y+z%");
}

TEST(ParseQueryString, SplitsAndDecodes) {
  EXPECT_EQ(ParseQueryString("a=1&b=x+y&c=%C4%91&a=2"),
            (Pairs{{"a", "1"}, {"b", "x y"}, {"c", "\xC4\x91"}, {"a", "2"}}));
  EXPECT_EQ(ParseQueryString("flag&&empty=&=v&x=a=b"),
            (Pairs{{"flag", ""}, {"empty", ""}, {"", "v"}, {"x", "a=b"}}));
  EXPECT_EQ(ParseQueryString(""), Pairs{});
}

TEST(ParseQueryString, KeepsMalformedEscapesVerbatim) {
  EXPECT_EQ(ParseQueryString("q=100%&r=%zz%41&s=%00"),
            (Pairs{{"q", "100%"}, {"r", "%zzA"}, {"s", "%00"}}));
}

TEST(Request, QueryHeaderParam) {
  Request r;
  r.query = {{"page", "2"}, {"page", "3"}};
  r.headers = {{"content-type", "text/plain"}, {"x-a", "1"}, {"x-a", "2"}};
  r.path_params = {{"id", "42"}};
  EXPECT_EQ(r.Query("page"), "2");
  EXPECT_EQ(r.Query("Page"), std::nullopt);
  EXPECT_EQ(r.Header("Content-Type"), "text/plain");
  EXPECT_EQ(r.Header("X-A"), "1");
  EXPECT_EQ(r.Header("missing"), std::nullopt);
  EXPECT_EQ(r.Param("id"), "42");
  EXPECT_EQ(r.Param("other"), "");
}

TEST(Request, Cookies) {
  Request r;
  r.headers = {{"cookie", "a=1; session=abc=def;theme=\"dark\" ; empty="}};
  EXPECT_EQ(r.Cookie("a"), "1");
  EXPECT_EQ(r.Cookie("session"), "abc=def");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("empty"), "");
  EXPECT_EQ(r.Cookie("sess"), std::nullopt);
  EXPECT_EQ(Request().Cookie("a"), std::nullopt);
}

TEST(Request, FormFields) {
  Request r;
  r.body = "name=Nguy%E1%BB%85n+V%C4%83n&csrf=t0k&agree";
  EXPECT_EQ(r.FormFields(),
            (Pairs{{"name", "Nguy\xE1\xBB\x85n V\xC4\x83n"}, {"csrf", "t0k"}, {"agree", ""}}));
}

TEST(Response, Builders) {
  Response t = Response::Text(404, "no");
  EXPECT_EQ(t.status, 404);
  EXPECT_EQ(t.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(Response::Html(200, "<p>").content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Response::JsonText(201, "{}").content_type, "application/json");
  Response redirect = Response::Redirect(303, "/login");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.headers, (Pairs{{"Location", "/login"}}));
}

TEST(Response, SetHeaderReplacesAndAddCookieAppends) {
  Response r;
  r.SetHeader("Cache-Control", "no-store").SetHeader("cache-control", "public");
  r.AddCookie("a=1").AddCookie("b=2");
  EXPECT_EQ(r.headers,
            (Pairs{{"Cache-Control", "public"}, {"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}}));
}

}  // namespace
}  // namespace txng::http
