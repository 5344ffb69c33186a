#include "gs1/epc_uri.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace txng::gs1 {
namespace {

struct RoundTrip {
  std::string uri;
  std::vector<AiValue> ais;
  int prefix_length;
};

// Check digits verified by hand with the GS1 mod-10 rule.
const std::vector<RoundTrip>& RoundTrips() {
  static const std::vector<RoundTrip> kCases = {
      {"urn:epc:id:sgtin:0614141.812345.6789", {{"01", "80614141123458"}, {"21", "6789"}}, 7},
      {"urn:epc:class:lgtin:4012345.012345.998877",
       {{"01", "04012345123456"}, {"10", "998877"}},
       7},
      {"urn:epc:id:itip:0614141.812345.01.02.987",
       {{"8006", "806141411234580102"}, {"21", "987"}},
       7},
      {"urn:epc:id:sscc:0614141.1234567890", {{"00", "106141412345678908"}}, 7},
      {"urn:epc:id:sgln:0614141.12345.400", {{"414", "0614141123452"}, {"254", "400"}}, 7},
      {"urn:epc:id:sgln:0614141.12345.0", {{"414", "0614141123452"}}, 7},
      {"urn:epc:id:sgln:061414199999..0", {{"414", "0614141999996"}}, 12},
      {"urn:epc:id:grai:0614141.12345.400", {{"8003", "00614141123452400"}}, 7},
      {"urn:epc:id:giai:0614141.12345400", {{"8004", "061414112345400"}}, 7},
      {"urn:epc:id:gsrn:0614141.1234567890", {{"8018", "061414112345678902"}}, 7},
      {"urn:epc:id:gsrnp:0614141.1234567890", {{"8017", "061414112345678902"}}, 7},
      {"urn:epc:id:gdti:0614141.12345.006847", {{"253", "0614141123452006847"}}, 7},
      {"urn:epc:id:sgcn:4012345.67890.04711", {{"255", "401234567890104711"}}, 7},
      {"urn:epc:id:cpi:0614141.123ABC.123456789",
       {{"8010", "0614141123ABC"}, {"8011", "123456789"}},
       7},
      {"urn:epc:id:cpi:0614141.5PQ7%2FZ%2343.12345",
       {{"8010", "06141415PQ7/Z#43"}, {"8011", "12345"}},
       7},
      {"urn:epc:id:ginc:0614141.xyz47%2F11", {{"401", "0614141xyz47/11"}}, 7},
      {"urn:epc:id:gsin:0614141.123456789", {{"402", "06141411234567890"}}, 7},
      {"urn:epc:id:sgtin:0614141.812345.A%2FB%25C%22%26%3C%3E%3F.x",
       {{"01", "80614141123458"}, {"21", "A/B%C\"&<>?.x"}},
       7},
  };
  return kCases;
}

TEST(EpcUri, RoundTripsEveryScheme) {
  for (const RoundTrip& c : RoundTrips()) {
    SCOPED_TRACE(c.uri);
    Result<EpcUri> epc = ParseEpcUri(c.uri);
    ASSERT_TRUE(epc.ok()) << epc.status().ToString();
    EXPECT_EQ(FormatEpcUri(*epc), c.uri);
    Result<std::vector<AiValue>> ais = EpcUriToAis(*epc);
    ASSERT_TRUE(ais.ok()) << ais.status().ToString();
    EXPECT_EQ(*ais, c.ais);
    Result<EpcUri> back = AisToEpcUri(*ais, c.prefix_length);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, *epc);
    EXPECT_EQ(FormatEpcUri(*back), c.uri);
  }
}

TEST(EpcUri, DecodesEscapedSerials) {
  Result<EpcUri> epc = ParseEpcUri("urn:epc:id:sgtin:0614141.812345.a%2fb");
  ASSERT_TRUE(epc.ok()) << epc.status().ToString();
  EXPECT_EQ(epc->fields, (std::vector<std::string>{"0614141", "812345", "a/b"}));
  EXPECT_EQ(FormatEpcUri(*epc), "urn:epc:id:sgtin:0614141.812345.a%2Fb");
}

TEST(EpcUri, ConvertsToDigitalLink) {
  Result<EpcUri> sgtin = ParseEpcUri("urn:epc:id:sgtin:0614141.812345.6789");
  ASSERT_TRUE(sgtin.ok());
  EXPECT_EQ(EpcUriToDigitalLink(*sgtin).value(), "https://id.gs1.org/01/80614141123458/21/6789");
  EXPECT_EQ(EpcUriToDigitalLink(*sgtin, "https://example.com/dl/").value(),
            "https://example.com/dl/01/80614141123458/21/6789");
  Result<EpcUri> sgln = ParseEpcUri("urn:epc:id:sgln:0614141.12345.400");
  ASSERT_TRUE(sgln.ok());
  EXPECT_EQ(EpcUriToDigitalLink(*sgln).value(), "https://id.gs1.org/414/0614141123452/254/400");
  Result<EpcUri> lgtin = ParseEpcUri("urn:epc:class:lgtin:4012345.012345.998877");
  ASSERT_TRUE(lgtin.ok());
  EXPECT_EQ(EpcUriToDigitalLink(*lgtin).value(), "https://id.gs1.org/01/04012345123456/10/998877");
  Result<EpcUri> escaped = ParseEpcUri("urn:epc:id:sgtin:0614141.812345.A%2FB");
  ASSERT_TRUE(escaped.ok());
  EXPECT_EQ(EpcUriToDigitalLink(*escaped).value(), "https://id.gs1.org/01/80614141123458/21/A%2FB");
}

TEST(EpcUri, ConvertsFromDigitalLink) {
  Result<EpcUri> epc =
      DigitalLinkToEpcUri("https://id.gs1.org/01/80614141123458/21/6789?17=261231", 7);
  ASSERT_TRUE(epc.ok()) << epc.status().ToString();
  EXPECT_EQ(FormatEpcUri(*epc), "urn:epc:id:sgtin:0614141.812345.6789");

  CompanyPrefixLengths lengths;
  ASSERT_TRUE(lengths.Add("061414").ok());
  ASSERT_TRUE(lengths.Add("0614141").ok());
  Result<EpcUri> found = DigitalLinkToEpcUri("https://id.gs1.org/00/106141412345678908", lengths);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(FormatEpcUri(*found), "urn:epc:id:sscc:0614141.1234567890");

  EXPECT_EQ(
      DigitalLinkToEpcUri("https://id.gs1.org/01/08936000000011/21/1", lengths).status().message(),
      "company prefix length of 08936000000011 is unknown: register the organisation's "
      "GS1 company prefix");
  EXPECT_FALSE(DigitalLinkToEpcUri("https://id.gs1.org/01/80614141123459/21/1", 7).ok());
}

TEST(EpcUri, FindsLongestCompanyPrefix) {
  CompanyPrefixLengths lengths;
  EXPECT_EQ(lengths.LengthFor("0614141123452"), std::nullopt);
  ASSERT_TRUE(lengths.Add("0614141").ok());
  ASSERT_TRUE(lengths.Add("061414112").ok());
  ASSERT_TRUE(lengths.Add("061414").ok());
  EXPECT_EQ(lengths.LengthFor("0614141123452"), 9);
  EXPECT_EQ(lengths.LengthFor("0614141993452"), 7);
  EXPECT_EQ(lengths.LengthFor("0614140993452"), 6);
  EXPECT_EQ(lengths.Add("12345").message(),
            "a GS1 company prefix must have 6 to 12 digits, got \"12345\"");
  EXPECT_EQ(lengths.Add("12345X").message(),
            "a GS1 company prefix must have 6 to 12 digits, got \"12345X\"");
}

TEST(EpcUri, ParsesPatterns) {
  Result<EpcUri> item = ParseEpcUri("urn:epc:idpat:sgtin:0614141.812345.*");
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->kind, EpcUriKind::kPattern);
  EXPECT_EQ(item->concrete_fields, 2u);
  EXPECT_EQ(FormatEpcUri(*item), "urn:epc:idpat:sgtin:0614141.812345.*");
  Result<EpcUri> company = ParseEpcUri("urn:epc:idpat:sgtin:0614141.*.*");
  ASSERT_TRUE(company.ok());
  EXPECT_EQ(company->concrete_fields, 1u);
  Result<EpcUri> all = ParseEpcUri("urn:epc:idpat:giai:*.*");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->concrete_fields, 0u);
  EXPECT_EQ(FormatEpcUri(*all), "urn:epc:idpat:giai:*.*");
  EXPECT_EQ(EpcUriToAis(*item).status().message(),
            "urn:epc:idpat:sgtin: a pattern names no single object and has no AIs");
}

void ExpectParseError(const std::string& uri, const std::string& message) {
  Result<EpcUri> epc = ParseEpcUri(uri);
  ASSERT_FALSE(epc.ok()) << uri;
  EXPECT_EQ(epc.status().message(), message) << uri;
  EXPECT_EQ(epc.status().code(), StatusCode::kInvalidArgument);
}

TEST(EpcUri, RejectsMalformedUris) {
  ExpectParseError("https://id.gs1.org/01/80614141123458",
                   "not an EPC URI: it must start with \"urn:epc:id:\", \"urn:epc:class:\" or "
                   "\"urn:epc:idpat:\"");
  ExpectParseError("urn:epc:id:foo:1.2", "urn:epc:id: unknown scheme \"foo\"");
  ExpectParseError("urn:epc:class:sgtin:0614141.812345.1",
                   "urn:epc:class: unknown scheme \"sgtin\"");
  ExpectParseError("urn:epc:id:sgtin",
                   "urn:epc:id:sgtin: expected 3 fields separated by '.', got 0");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345",
                   "urn:epc:id:sgtin: expected 3 fields separated by '.', got 2");
  ExpectParseError("urn:epc:id:sgtin:06141A1.812345.1",
                   "urn:epc:id:sgtin: company prefix must be digits, got \"06141A1\"");
  ExpectParseError("urn:epc:id:sgtin:06141.8123456.1",
                   "urn:epc:id:sgtin: company prefix must have 6 to 12 digits, got 5");
  ExpectParseError(
      "urn:epc:id:sgtin:0614141.81234.6789",
      "urn:epc:id:sgtin: company prefix and item reference must have 13 digits together, got 12");
  ExpectParseError("urn:epc:id:sgtin:0614141.81234X.1",
                   "urn:epc:id:sgtin: item reference must be digits, got \"81234X\"");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345.123456789012345678901",
                   "urn:epc:id:sgtin: serial must have 1 to 20 characters, got 21");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345.",
                   "urn:epc:id:sgtin: serial must have 1 to 20 characters, got 0");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345.a/b",
                   "urn:epc:id:sgtin: serial: character '/' must be written %2F");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345.a%41",
                   "urn:epc:id:sgtin: serial: \"%41\" is not an escape TDS allows "
                   "(%22 %25 %26 %2F %3C %3E %3F)");
  ExpectParseError("urn:epc:id:sgtin:0614141.812345.a~",
                   "urn:epc:id:sgtin: serial: character '~' is not in GS1 character set 82");
  ExpectParseError("urn:epc:class:lgtin:4012345.012345.a b",
                   "urn:epc:class:lgtin: lot: character ' ' is not in GS1 character set 82");
  ExpectParseError("urn:epc:id:sscc:0614141.123456789",
                   "urn:epc:id:sscc: company prefix and serial reference must have 17 digits "
                   "together, got 16");
  ExpectParseError("urn:epc:id:giai:0614141.123456789012345678901234",
                   "urn:epc:id:giai: company prefix and individual asset reference must have at "
                   "most 30 characters together, got 31");
  ExpectParseError("urn:epc:id:cpi:0614141.12a.1",
                   "urn:epc:id:cpi: component/part reference: character 'a' is not a digit, "
                   "A-Z, '-', %23 or %2F");
  ExpectParseError("urn:epc:id:itip:0614141.812345.1.02.987",
                   "urn:epc:id:itip: piece must be 2 digits, got \"1\"");
  ExpectParseError("urn:epc:id:sgcn:4012345.67890.12a",
                   "urn:epc:id:sgcn: serial must be digits, got \"12a\"");
  ExpectParseError("urn:epc:id:grai:0614141.12345.12345678901234567",
                   "urn:epc:id:grai: serial must have 1 to 16 characters, got 17");
  ExpectParseError("urn:epc:idpat:sgtin:0614141.*.6789",
                   "urn:epc:idpat:sgtin: every field after a \"*\" must be \"*\" too");
  ExpectParseError("urn:epc:idpat:sgtin:0614141.81234.*",
                   "urn:epc:idpat:sgtin: company prefix and item reference must have 13 digits "
                   "together, got 12");
}

void ExpectAisError(const std::vector<AiValue>& ais, int length, const std::string& message) {
  Result<EpcUri> epc = AisToEpcUri(ais, length);
  ASSERT_FALSE(epc.ok()) << message;
  EXPECT_EQ(epc.status().message(), message);
}

TEST(EpcUri, IdentitiesWhoseAisBreakAiRules) {
  Result<EpcUri> cpi = ParseEpcUri("urn:epc:id:cpi:0614141.123ABC.0123");
  ASSERT_TRUE(cpi.ok()) << cpi.status().message();
  Result<std::vector<AiValue>> ais = EpcUriToAis(*cpi);
  ASSERT_FALSE(ais.ok());
  EXPECT_EQ(ais.status().message(),
            "urn:epc:id:cpi: AI (8011): must not start with 0 (position 1 of \"0123\")");
}

TEST(EpcUri, RejectsAisWithoutEpc) {
  ExpectAisError({{"01", "80614141123458"}, {"21", "1"}}, 5,
                 "urn:epc:id:sgtin: company prefix length must be 6 to 12, got 5");
  ExpectAisError({{"01", "80614141123458"}}, 7,
                 "no EPC URI for these AIs: (01) needs (21) for sgtin, (01) needs (10) for lgtin");
  ExpectAisError({{"10", "ABC"}}, 7,
                 "no EPC URI for these AIs: none of the keys (01) (8006) (00) (414) (8003) (8004) "
                 "(8018) (8017) (253) (255) (8010) (401) (402) is present");
  ExpectAisError({{"8003", "00614141123452"}}, 7,
                 "urn:epc:id:grai: (8003) has no serial, which the EPC URI requires");
  ExpectAisError({{"414", "0614141123452"}, {"254", "0"}}, 7,
                 "urn:epc:id:sgln: extension (254) \"0\" cannot be written: in an EPC URI \"0\" "
                 "means no extension");
  ExpectAisError({{"8004", "12345"}}, 7,
                 "urn:epc:id:giai: company prefix length 7 is longer than (8004) \"12345\"");
  ExpectAisError({{"8004", "1234AB7890"}}, 6,
                 "urn:epc:id:giai: company prefix must be digits, got \"1234AB\"");
  ExpectAisError({{"8004", "ABC1234567"}}, 6,
                 "AI (8004): character 1 ('A') cannot be part of a GS1 Company Prefix, which is "
                 "all digits (position 1 of \"ABC1234567\")");
  EXPECT_FALSE(AisToEpcUri({{"01", "80614141123459"}, {"21", "1"}}, 7).ok());
}

}  // namespace
}  // namespace txng::gs1
