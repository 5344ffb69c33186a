#include "epcis/master_data.h"

#include <gtest/gtest.h>

#include "epcis/conformance_files_testing.h"
#include "epcis/json_decode.h"
#include "epcis/xml_decode.h"

namespace txng::epcis {
namespace {

Result<std::vector<VocabularyElement>> FromJson(const std::string& header) {
  const std::string text =
      R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                       {"ex": "https://example.com/ns#"}],
          "type": "EPCISDocument", "schemaVersion": "2.0",
          "creationDate": "2026-03-01T08:00:00+07:00", "epcisHeader": )" +
      header + R"(, "epcisBody": {"eventList": []}})";
  Result<Document> doc = DecodeJsonDocument(text);
  if (!doc.ok()) return doc.status();
  return MasterDataOf(*doc);
}

TEST(MasterDataTest, JsonLocationsWithAttributesAndChildren) {
  auto md = FromJson(R"({"epcisMasterData": {"vocabularyList": [
      {"type": "urn:epcglobal:epcis:vtype:BusinessLocation",
       "vocabularyElementList": [
         {"id": "urn:epc:id:sgln:8930001.00001.0",
          "attributes": [{"id": "cbvmda:name", "attribute": "Xưởng chế biến Bù Đăng"},
                         {"id": "ex:capacity", "attribute": 12.5}],
          "children": ["https://id.gs1.org/414/8930001000018/254/kho1"]}]},
      {"type": "urn:epcglobal:epcis:vtype:EPCClass",
       "vocabularyElementList": [{"id": "urn:epc:class:lgtin:8930001.000001.L1"}]}]}})");
  ASSERT_TRUE(md.ok()) << md.status().message();
  ASSERT_EQ(md->size(), 2u);
  const VocabularyElement& site = (*md)[0];
  EXPECT_EQ(site.type, vtype::kBusinessLocation);
  EXPECT_EQ(site.id, "https://id.gs1.org/414/8930001000018");
  ASSERT_EQ(site.attributes.size(), 2u);
  EXPECT_EQ(site.attributes[0].id, "urn:epcglobal:cbv:mda:name");
  EXPECT_EQ(site.attributes[0].value, "\"Xưởng chế biến Bù Đăng\"");
  EXPECT_EQ(site.attributes[1].id, "https://example.com/ns#capacity");
  EXPECT_EQ(site.attributes[1].value, "12.5");
  EXPECT_EQ(site.children,
            std::vector<std::string>{"https://id.gs1.org/414/8930001000018/254/kho1"});
  EXPECT_EQ((*md)[1].id, "https://id.gs1.org/01/08930001000018/10/L1");
  EXPECT_TRUE((*md)[1].attributes.empty());
}

TEST(MasterDataTest, NoHeaderOrNoMasterDataIsNone) {
  auto md = FromJson(R"({"ex:sender": "HTX A"})");
  ASSERT_TRUE(md.ok()) << md.status().message();
  EXPECT_TRUE(md->empty());
}

TEST(MasterDataTest, BadElementsNameThePointer) {
  auto bad_key = FromJson(R"({"epcisMasterData": {"vocabularyList": [
      {"type": "urn:epcglobal:epcis:vtype:ReadPoint",
       "vocabularyElementList": [{"id": "urn:epc:id:sgln:8930001.00001.0",
                                  "children": ["https://id.gs1.org/414/8930001000012"]}]}]}})");
  ASSERT_FALSE(bad_key.ok());
  EXPECT_EQ(bad_key.status().field(),
            "/epcisHeader/epcisMasterData/vocabularyList/0/vocabularyElementList/0/children/0");
  EXPECT_NE(bad_key.status().message().find("check digit"), std::string::npos)
      << bad_key.status().message();

  auto no_id = FromJson(R"({"epcisMasterData": {"vocabularyList": [
      {"type": "urn:epcglobal:epcis:vtype:ReadPoint", "vocabularyElementList": [{}]}]}})");
  ASSERT_FALSE(no_id.ok());
  EXPECT_EQ(no_id.status().field(),
            "/epcisHeader/epcisMasterData/vocabularyList/0/vocabularyElementList/0");
  EXPECT_NE(no_id.status().message().find("a vocabulary element needs an id"), std::string::npos);

  auto no_type =
      FromJson(R"({"epcisMasterData": {"vocabularyList": [{"vocabularyElementList": []}]}})");
  ASSERT_FALSE(no_type.ok());
  EXPECT_NE(no_type.status().message().find("a vocabulary needs a type"), std::string::npos);
}

TEST(MasterDataTest, XmlExampleOfTheStandard) {
  const auto path = conformance_files::ConformanceDir() /
                    "gs1-epcis/XML/WithFullCombinationOfFields/masterdata_all_possible_fields.xml";
  const std::string text = conformance_files::ReadFile(path);
  ASSERT_FALSE(text.empty()) << path;
  Result<Document> doc = DecodeXmlDocument(text);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  auto md = MasterDataOf(*doc);
  ASSERT_TRUE(md.ok()) << md.status().message();
  ASSERT_EQ(md->size(), 2u);
  const VocabularyElement& site = (*md)[0];
  EXPECT_EQ(site.type, vtype::kBusinessLocation);
  EXPECT_EQ((*md)[1].type, vtype::kReadPoint);
  EXPECT_EQ(site.id, "https://id.gs1.org/414/0037000007296");
  ASSERT_EQ(site.attributes.size(), 5u);
  EXPECT_EQ(site.attributes[0].id, "http://example.com/ext1#string");
  EXPECT_EQ(site.attributes[0].value, "\"stringValue\"");
  EXPECT_EQ(site.attributes[2].value, "\"string2InArray\"");
  // A structured attribute keeps its XML.
  EXPECT_EQ(site.attributes[3].value.rfind("\"<ext1:object2>", 0), 0u) << site.attributes[3].value;
  EXPECT_EQ(site.children,
            std::vector<std::string>{"https://id.gs1.org/414/0037000007296/254/8201"});
}

TEST(MasterDataTest, Gs1KeysOfIdentifiers) {
  Gs1Keys place = Gs1KeysOf("https://id.gs1.org/414/8930001000018/254/kho1");
  EXPECT_EQ(place.gln, "8930001000018");
  EXPECT_EQ(place.gln_extension, "kho1");
  EXPECT_EQ(place.gtin, "");
  Gs1Keys lot = Gs1KeysOf("https://id.gs1.org/01/08930001000018/10/L1");
  EXPECT_EQ(lot.gtin, "08930001000018");
  EXPECT_EQ(lot.lot, "L1");
  EXPECT_EQ(lot.gln, "");
  Gs1Keys none = Gs1KeysOf("urn:example:warehouse:7");
  EXPECT_EQ(none.gln + none.gtin + none.lot, "");
}

}  // namespace
}  // namespace txng::epcis
