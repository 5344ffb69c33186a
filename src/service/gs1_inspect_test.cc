#include "service/gs1_inspect.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace txng {
namespace {

using nlohmann::json;

json Inspect(std::string_view input) { return json::parse(Gs1InspectionJson(InspectGs1(input))); }

TEST(InspectGs1, EveryWrittenFormGivesTheSameAnswer) {
  const std::string element = "(01)08930000000019(10)LOT42(17)261231";
  const std::string link = "https://id.gs1.org/01/08930000000019/10/LOT42?17=261231";
  for (std::string_view input :
       {std::string_view(element), std::string_view(link),
        std::string_view("^010893000000001910LOT42\x1D"
                         "17261231"),
        std::string_view("]d2010893000000001910LOT42\x1D"
                         "17261231"),
        std::string_view("https://example.vn/p/01/8930000000019/10/LOT42?17=261231")}) {
    json j = Inspect(input);
    ASSERT_EQ(j["valid"], true) << input << ": " << j.dump();
    EXPECT_EQ(j["elementString"], element) << input;
    EXPECT_EQ(j["digitalLink"], link) << input;
    ASSERT_EQ(j["ais"].size(), 3u);
    EXPECT_EQ(j["ais"][0]["ai"], "01");
    EXPECT_EQ(j["ais"][0]["title"], "GTIN");
    EXPECT_EQ(j["ais"][1]["value"], "LOT42");
  }
}

TEST(InspectGs1, GtinDigitsAndLinkTypes) {
  json gtin = Inspect("8930000000019");
  EXPECT_EQ(gtin["elementString"], "(01)08930000000019");
  EXPECT_EQ(gtin["digitalLink"], "https://id.gs1.org/01/08930000000019");
  json typed = Inspect("https://id.gs1.org/01/08930000000019?linkType=gs1:pip");
  EXPECT_EQ(typed["otherQueryParams"], json::array({"linkType=gs1:pip"}));
}

TEST(InspectGs1, EpcUris) {
  json sgtin = Inspect("urn:epc:id:sgtin:0614141.812345.6789");
  ASSERT_EQ(sgtin["valid"], true) << sgtin;
  EXPECT_EQ(sgtin["elementString"], "(01)80614141123458(21)6789");
  EXPECT_EQ(sgtin["epcUri"], "urn:epc:id:sgtin:0614141.812345.6789");
  EXPECT_EQ(sgtin["digitalLink"], "https://id.gs1.org/01/80614141123458/21/6789");
  json bad = Inspect("urn:epc:id:sgtin:0614141.81234.6789");
  EXPECT_EQ(bad["valid"], false);
  EXPECT_NE(bad["error"].get<std::string>().find("13 digits"), std::string::npos) << bad;
  EXPECT_FALSE(Inspect("(01)08930000000019").contains("epcUri"));
}

TEST(InspectGs1, EpcUriFromRegisteredCompanyPrefixes) {
  gs1::CompanyPrefixLengths prefixes;
  ASSERT_TRUE(prefixes.Add("893000").ok());
  ASSERT_TRUE(prefixes.Add("8930001").ok());  // the longest match wins
  auto Epc = [&](std::string_view input) {
    return json::parse(Gs1InspectionJson(InspectGs1(input, prefixes)));
  };
  EXPECT_EQ(Epc("https://id.gs1.org/01/08930001000018/21/A1")["epcUri"],
            "urn:epc:id:sgtin:8930001.000001.A1");
  EXPECT_EQ(Epc("(01)08930000000019(10)LOT1")["epcUri"],
            "urn:epc:class:lgtin:893000.0000001.LOT1");
  EXPECT_EQ(Epc("(414)8930001000018")["epcUri"], "urn:epc:id:sgln:8930001.00001.0");
  // No registered prefix matches, or the AIs name no EPC: valid, no epcUri.
  json foreign = Epc("(01)09501101530003(21)1");
  EXPECT_EQ(foreign["valid"], true);
  EXPECT_FALSE(foreign.contains("epcUri"));
  EXPECT_FALSE(Epc("(01)08930000000019")["epcUri"].is_string());
}

TEST(InspectGs1, ErrorsNameTheRule) {
  json month = Inspect("(01)08930000000019(17)261331");
  EXPECT_EQ(month["valid"], false);
  EXPECT_NE(month["error"].get<std::string>().find("AI (17)"), std::string::npos) << month;
  EXPECT_NE(Inspect("8930000000010")["error"].get<std::string>().find("not a GTIN"),
            std::string::npos);
  EXPECT_EQ(Inspect("")["error"], "nothing to parse: the input is empty");
  EXPECT_EQ(Inspect("hello")["error"].get<std::string>().rfind("not GS1 data", 0), 0u);
}

}  // namespace
}  // namespace txng
