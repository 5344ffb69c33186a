#include "epcis/identifiers.h"

#include <gtest/gtest.h>

namespace txng::epcis {
namespace {

std::string Norm(std::string_view text) {
  Result<std::string> r = NormalizeIdentifier(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() ? *r : "";
}

TEST(Identifiers, EpcUrnsBecomeCanonicalDigitalLinks) {
  EXPECT_EQ(Norm("urn:epc:id:sgtin:0614141.107346.2017"),
            "https://id.gs1.org/01/10614141073464/21/2017");
  EXPECT_EQ(Norm("urn:epc:id:sscc:4012345.0000000333"), "https://id.gs1.org/00/040123450000003338");
  EXPECT_EQ(Norm("urn:epc:id:sgln:4012345.00011.987"),
            "https://id.gs1.org/414/4012345000115/254/987");
  EXPECT_EQ(Norm("urn:epc:id:sgln:0012345.11111.0"), "https://id.gs1.org/414/0012345111112");
  EXPECT_EQ(Norm("urn:epc:class:lgtin:4012345.012345.Lot987"),
            "https://id.gs1.org/01/04012345123456/10/Lot987");
  EXPECT_EQ(Norm("urn:epc:id:pgln:4000001.00000"), "https://id.gs1.org/417/4000001000005");
  EXPECT_EQ(Norm("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB"),
            "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB");
  EXPECT_EQ(Norm("urn:epc:idpat:sgtin:4012345.066666.*"), "https://id.gs1.org/01/04012345666663");
  EXPECT_EQ(Norm("urn:epc:idpat:gdti:4012345.55555.*"), "https://id.gs1.org/253/4012345555554");
}

TEST(Identifiers, DigitalLinksAreCanonicalised) {
  EXPECT_EQ(Norm("https://example.com/gtin/09780345418913/21/765tz?abc=211121"),
            "https://id.gs1.org/01/09780345418913/21/765tz");
  EXPECT_EQ(Norm("https://id.gs1.de/414/4012345000115"), "https://id.gs1.org/414/4012345000115");
}

TEST(Identifiers, OtherUrisStayAsTheyAre) {
  EXPECT_EQ(Norm("urn:epcglobal:cbv:bt:0614141073467:1152"),
            "urn:epcglobal:cbv:bt:0614141073467:1152");
  EXPECT_EQ(Norm("http://transaction.acme.com/po/12345678"),
            "http://transaction.acme.com/po/12345678");
  EXPECT_EQ(Norm("urn:epc:id:gid:95100000.12345.400"), "urn:epc:id:gid:95100000.12345.400");
  EXPECT_EQ(Norm("urn:epc:idpat:sgtin:4012345.*.*"), "urn:epc:idpat:sgtin:4012345.*.*");
}

TEST(Identifiers, BrokenGs1KeysAreErrors) {
  // Wrong check digit in a Digital Link URI.
  EXPECT_FALSE(NormalizeIdentifier("https://id.gs1.org/01/04012345111119/21/1").ok());
  // Company prefix and item reference of 12 digits instead of 13.
  Result<std::string> short_sgtin = NormalizeIdentifier("urn:epc:id:sgtin:0614141.10734.2017");
  ASSERT_FALSE(short_sgtin.ok());
  EXPECT_NE(short_sgtin.status().message().find("urn:epc:id:sgtin"), std::string::npos);
  EXPECT_FALSE(NormalizeIdentifier("urn:epc:id:pgln:4000001.0000").ok());
}

TEST(Identifiers, FormatsAsEpcUrnWhenThePrefixIsKnown) {
  gs1::CompanyPrefixLengths prefixes;
  ASSERT_TRUE(prefixes.Add("0614141").ok());
  const std::string dl = "https://id.gs1.org/01/10614141073464/21/2017";
  EXPECT_EQ(FormatIdentifier(dl, EpcFormat::kEpcUrn, prefixes),
            "urn:epc:id:sgtin:0614141.107346.2017");
  EXPECT_EQ(FormatIdentifier(dl, EpcFormat::kDigitalLink, prefixes), dl);
  // Unknown prefix: stays a Digital Link URI rather than guessing the split.
  EXPECT_EQ(FormatIdentifier("https://id.gs1.org/414/4012345000115", EpcFormat::kEpcUrn, prefixes),
            "https://id.gs1.org/414/4012345000115");
}

}  // namespace
}  // namespace txng::epcis
