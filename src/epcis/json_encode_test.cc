#include "epcis/json_encode.h"

#include <gtest/gtest.h>

#include "epcis/json_decode.h"

namespace txng::epcis {
namespace {

constexpr const char* kDocument = R"({
  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
               {"ex": "https://ns.example.com/epcis/"}],
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
  "epcisBody": {"eventList": [{
    "type": "ObjectEvent", "action": "ADD", "eventTime": "2024-01-01T08:00:00+07:00",
    "eventTimeZoneOffset": "+07:00", "epcList": ["urn:epc:id:sgtin:8935000.012345.1"],
    "bizStep": "urn:epcglobal:cbv:bizstep:commissioning",
    "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:8935000000007:7"}],
    "ilmd": {"cbvmda:lotNumber": "L1"},
    "ex:note": "ok"}]}})";

TEST(JsonEncode, WritesBareCbvWordsAndDigitalLinks) {
  Result<Document> doc = DecodeJsonDocument(kDocument);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const nlohmann::ordered_json out = EncodeJsonDocument(*doc);
  EXPECT_EQ(out["@context"][0], kEpcisContextUrl);
  EXPECT_EQ(out["@context"][1]["ex"], "https://ns.example.com/epcis/");
  const nlohmann::ordered_json& event = out["epcisBody"]["eventList"][0];
  EXPECT_EQ(event.begin().key(), "type");
  EXPECT_EQ(event["bizStep"], "commissioning");
  EXPECT_EQ(event["epcList"][0], "https://id.gs1.org/01/08935000123454/21/1");
  EXPECT_EQ(event["bizTransactionList"][0]["type"], "po");
  EXPECT_EQ(event["ilmd"]["cbvmda:lotNumber"], "L1");
  EXPECT_EQ(event["ex:note"], "ok");
}

TEST(JsonEncode, WritesEpcUrnsOnRequest) {
  Result<Document> doc = DecodeJsonDocument(kDocument);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  JsonEncodeOptions options;
  options.epc_format = EpcFormat::kEpcUrn;
  ASSERT_TRUE(options.prefixes.Add("8935000").ok());
  const nlohmann::ordered_json out = EncodeJsonDocument(*doc, options);
  EXPECT_EQ(out["epcisBody"]["eventList"][0]["epcList"][0], "urn:epc:id:sgtin:8935000.012345.1");
  Result<Document> again = DecodeJsonDocument(out.dump());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->events == doc->events);
}

TEST(JsonEncode, DeclaresPrefixesForNamespacesWithoutOne) {
  Document doc;
  doc.creation_date = "2024-01-01T00:00:00Z";
  Event e;
  e.type = EventType::kTransformation;
  e.event_time = "2024-01-01T00:00:00Z";
  e.event_time_zone_offset = "+00:00";
  e.extensions.push_back({"{https://ns.other.example/}grade", "A"});
  doc.events.push_back(e);
  const nlohmann::ordered_json out = EncodeJsonDocument(doc);
  EXPECT_EQ(out["@context"][1]["ext1"], "https://ns.other.example/");
  EXPECT_EQ(out["epcisBody"]["eventList"][0]["ext1:grade"], "A");
  Result<Document> again = DecodeJsonDocument(out.dump());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->events == doc.events);
}

}  // namespace
}  // namespace txng::epcis
