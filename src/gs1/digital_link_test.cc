#include "gs1/digital_link.h"

#include <gtest/gtest.h>

#include "gs1/element_string.h"

namespace txng::gs1 {
namespace {

TEST(DigitalLinkTest, ParsesPathQueryAndKeepsOtherParams) {
  auto link = ParseDigitalLink(
      "https://id.example.vn/shop/01/08931234567897/10/LOT%2F7?17=261231&linkType=gs1:pip",
      DigitalLinkOptions());
  ASSERT_TRUE(link.ok()) << link.status().message();
  std::vector<AiValue> expected = {{"01", "08931234567897"}, {"10", "LOT/7"}, {"17", "261231"}};
  EXPECT_EQ(link->ais, expected);
  EXPECT_EQ(link->other_query_params, std::vector<std::string>{"linkType=gs1:pip"});
  EXPECT_EQ(ToElementString(link->ais), "^010893123456789710LOT/7^17261231");
}

TEST(DigitalLinkTest, RejectsQualifierOutOfOrderOrInQuery) {
  EXPECT_FALSE(
      ParseDigitalLink("https://a/01/08931234567897/21/S/10/L", DigitalLinkOptions()).ok());
  auto in_query = ParseDigitalLink("https://a/01/08931234567897?10=L", DigitalLinkOptions());
  ASSERT_FALSE(in_query.ok());
  EXPECT_EQ(in_query.status().message(),
            "Digital Link: AI (10) is a path qualifier and may not be in the query");
}

TEST(DigitalLinkTest, ValidatesValues) {
  auto link = ParseDigitalLink("https://a/01/08931234567892", DigitalLinkOptions());
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.status().message(),
            "AI (01): check digit 2 should be 7 (position 14 of \"08931234567892\")");
}

TEST(DigitalLinkTest, ZeroSuppressedGtinOnlyWhenPermitted) {
  EXPECT_FALSE(ParseDigitalLink("https://a/01/8931234567897", DigitalLinkOptions()).ok());
  DigitalLinkOptions options;
  options.permit_zero_suppressed_gtin = true;
  auto link = ParseDigitalLink("https://a/01/8931234567897", options);
  ASSERT_TRUE(link.ok()) << link.status().message();
  EXPECT_EQ(link->ais[0].value, "08931234567897");
}

TEST(DigitalLinkTest, GeneratesCanonicalUri) {
  std::vector<AiValue> ais = {
      {"17", "261231"}, {"21", "S 1"}, {"01", "08931234567897"}, {"10", "L+1"}, {"99", "x y"}};
  auto uri = ToDigitalLink(ais, "", DigitalLinkOptions());
  ASSERT_TRUE(uri.ok()) << uri.status().message();
  EXPECT_EQ(*uri, "https://id.gs1.org/01/08931234567897/10/L%2B1/21/S%201?17=261231&99=x+y");
  EXPECT_EQ(*ToDigitalLink(ais, "https://tx.example.vn/", DigitalLinkOptions()),
            "https://tx.example.vn/01/08931234567897/10/L%2B1/21/S%201?17=261231&99=x+y");
  EXPECT_FALSE(ToDigitalLink({{"99", "x"}}, "", DigitalLinkOptions()).ok());
}

TEST(DigitalLinkTest, DecodesEscapesAndRejectsNul) {
  auto link = ParseDigitalLink("https://a/01/08931234567897/10/A%2FB+C", DigitalLinkOptions());
  ASSERT_TRUE(link.ok()) << link.status().message();
  EXPECT_EQ(link->ais[1].value, "A/B+C");
  auto nul = ParseDigitalLink("https://a/01/08931234567897/10/A%00B", DigitalLinkOptions());
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().message(), "Digital Link: AI (10) in the path has an empty or NUL value");
  auto query_nul = ParseDigitalLink("https://a/01/08931234567897?17=%00", DigitalLinkOptions());
  ASSERT_FALSE(query_nul.ok());
  EXPECT_EQ(query_nul.status().message(),
            "Digital Link: AI (17) in the query has an empty or NUL value");
}

}  // namespace
}  // namespace txng::gs1
