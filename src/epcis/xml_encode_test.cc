#include "epcis/xml_encode.h"

#include <gtest/gtest.h>

#include <string>

#include "epcis/json_decode.h"
#include "epcis/xml_decode.h"

namespace txng::epcis {
namespace {

constexpr const char* kDocument = R"({
  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
               {"ex": "https://ns.example.com/epcis/"}],
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
  "epcisBody": {"eventList": [{
    "type": "ObjectEvent", "action": "ADD", "eventTime": "2024-01-01T08:00:00+07:00",
    "eventTimeZoneOffset": "+07:00", "epcList": ["urn:epc:id:sgtin:8935000.012345.1"],
    "bizStep": "commissioning", "disposition": "active",
    "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:8935000000007:7"}],
    "ilmd": {"cbvmda:lotNumber": "L1"},
    "ex:note": {"ex:by": "QA & <ops>", "ex:scores": [1, 2]}}]}})";

TEST(XmlEncode, WritesEpcis20Xml) {
  Result<Document> doc = DecodeJsonDocument(kDocument);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::string xml = EncodeXmlDocument(*doc);
  EXPECT_NE(xml.find("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("xmlns:ex=\"https://ns.example.com/epcis/\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<epc>https://id.gs1.org/01/08935000123454/21/1</epc>"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<bizStep>https://ref.gs1.org/cbv/BizStep-commissioning</bizStep>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<ex:by>QA &amp; &lt;ops&gt;</ex:by>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<ex:scores>1</ex:scores>"), std::string::npos) << xml;
  Result<Document> again = DecodeXmlDocument(xml);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  // Numbers in extensions come back as the text XML carries.
  EXPECT_EQ(again->events[0].extensions[0].value["{https://ns.example.com/epcis/}scores"],
            nlohmann::json::parse(R"(["1", "2"])"));
  EXPECT_EQ(again->events[0].biz_step, doc->events[0].biz_step);
  EXPECT_EQ(again->events[0].ilmd, doc->events[0].ilmd);
}

TEST(XmlEncode, WritesCbvUrnsAndEpcUrnsOnRequest) {
  Result<Document> doc = DecodeJsonDocument(kDocument);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  XmlEncodeOptions options;
  options.cbv_format = CbvFormat::kUrn;
  options.epc_format = EpcFormat::kEpcUrn;
  ASSERT_TRUE(options.prefixes.Add("8935000").ok());
  const std::string xml = EncodeXmlDocument(*doc, options);
  EXPECT_NE(xml.find("<epc>urn:epc:id:sgtin:8935000.012345.1</epc>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<bizTransaction type=\"urn:epcglobal:cbv:btt:po\">"), std::string::npos)
      << xml;
  Result<Document> again = DecodeXmlDocument(xml);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->events[0].epc_list, doc->events[0].epc_list);
  EXPECT_EQ(again->events[0].biz_transactions, doc->events[0].biz_transactions);
}

}  // namespace
}  // namespace txng::epcis
