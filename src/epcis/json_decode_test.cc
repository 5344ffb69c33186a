#include "epcis/json_decode.h"

#include <gtest/gtest.h>

#include <string>

namespace txng::epcis {
namespace {

// A document with one event whose members are `members` (JSON text).
std::string Doc(const std::string& members) {
  return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                          {"example": "https://ns.example.com/epcis/"}],
            "type": "EPCISDocument", "schemaVersion": "2.0",
            "creationDate": "2024-01-01T00:00:00Z",
            "epcisBody": {"eventList": [
              {"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2024-01-01T08:00:00+07:00",
               "eventTimeZoneOffset": "+07:00", "epcList": ["urn:epc:id:sgtin:8935000.012345.1"]},
              {)" +
         members + "}]}}";
}

// The error message of decoding `members` as the second event.
std::string Error(const std::string& members) {
  Result<Document> doc = DecodeJsonDocument(Doc(members));
  return doc.ok() ? "decoded" : doc.status().message();
}

constexpr const char* kEvent =
    R"("type": "ObjectEvent", "eventTime": "2024-01-01T08:00:00+07:00",
       "eventTimeZoneOffset": "+07:00")";

TEST(JsonDecode, NormalisesAnEvent) {
  Result<Document> doc = DecodeJsonDocument(Doc(std::string(kEvent) + R"(,
      "action": "ADD", "bizStep": "urn:epcglobal:cbv:bizstep:commissioning",
      "disposition": "cbv:Disp-active",
      "quantityList": [{"epcClass": "urn:epc:class:lgtin:8935000.012345.L1", "quantity": 5.0,
                        "uom": "KGM"}],
      "readPoint": {"id": "https://example.com/414/8935000000007", "example:gate": "A"},
      "ilmd": {"cbvmda:bestBeforeDate": "2025-01-01"},
      "example:note": {"example:by": "QA", "example:scores": [1, 2]})"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->events.size(), 2u);
  EXPECT_EQ(doc->events[0].epc_list[0], "https://id.gs1.org/01/08935000123454/21/1");
  const Event& e = doc->events[1];
  EXPECT_EQ(e.action, Action::kAdd);
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-commissioning");
  EXPECT_EQ(e.disposition, "https://ref.gs1.org/cbv/Disp-active");
  ASSERT_EQ(e.quantity_list.size(), 1u);
  EXPECT_EQ(e.quantity_list[0].epc_class, "https://id.gs1.org/01/08935000123454/10/L1");
  EXPECT_EQ(e.quantity_list[0].quantity, 5.0);
  ASSERT_TRUE(e.read_point.has_value());
  EXPECT_EQ(e.read_point->id, "https://id.gs1.org/414/8935000000007");
  ASSERT_EQ(e.read_point->extensions.size(), 1u);
  EXPECT_EQ(e.read_point->extensions[0].name, "{https://ns.example.com/epcis/}gate");
  ASSERT_TRUE(e.ilmd.has_value());
  EXPECT_EQ((*e.ilmd)[0].name, "{urn:epcglobal:cbv:mda:}bestBeforeDate");
  ASSERT_EQ(e.extensions.size(), 1u);
  EXPECT_EQ(e.extensions[0].name, "{https://ns.example.com/epcis/}note");
  EXPECT_EQ(e.extensions[0].value["{https://ns.example.com/epcis/}by"], "QA");
  EXPECT_EQ(doc->namespaces, (std::vector<std::pair<std::string, std::string>>{
                                 {"example", "https://ns.example.com/epcis/"}}));
}

TEST(JsonDecode, ErrorsNameEventPointerAndRule) {
  EXPECT_EQ(Error(std::string(kEvent) +
                  R"(, "action": "OBSERVE", "epcList": ["https://id.gs1.org/01/08935000123453"])"),
            "event 1 at /epcisBody/eventList/1/epcList/0: [gs1-key] AI (01): check digit 3 "
            "should be 4 (position 14 of \"08935000123453\")");
  EXPECT_EQ(Error(std::string(kEvent) + R"(, "action": "OBSERVE", "ilmd": {"example:lot": "1"})"),
            "event 1 at /epcisBody/eventList/1/ilmd: [ilmd] ilmd (instance/lot master data) is "
            "allowed only with action ADD");
  EXPECT_EQ(Error(R"("type": "ShippingEvent")"),
            "event 1 at /epcisBody/eventList/1/type: [event-type] unknown event type "
            "\"ShippingEvent\"");
  EXPECT_EQ(Error(R"("type": "ObjectEvent", "action": "ADD", "eventTime": "2024-01-01T08:00:00Z",
                     "eventTimeZoneOffset": "+7:00")"),
            "event 1 at /epcisBody/eventList/1/eventTimeZoneOffset: [time-zone-offset] \"+7:00\" "
            "is not a time zone offset like +07:00");
  EXPECT_EQ(Error(R"("type": "ObjectEvent", "action": "ADD", "eventTime": "2024-01-01T08:00:00",
                     "eventTimeZoneOffset": "+07:00")"),
            "event 1 at /epcisBody/eventList/1/eventTime: [timestamp] \"2024-01-01T08:00:00\" is "
            "not an ISO 8601 date-time: a time zone (Z or +hh:mm) is required");
  EXPECT_EQ(Error(kEvent),
            "event 1 at /epcisBody/eventList/1/action: [required] ObjectEvent "
            "requires action");
  EXPECT_EQ(Error(std::string(kEvent) + R"(, "action": "OBSERVE", "bizStep": "drying")"),
            "event 1 at /epcisBody/eventList/1/bizStep: [cbv] \"drying\" is not a CBV bizStep; a "
            "value of your own must be a URI");
  EXPECT_EQ(Error(std::string(kEvent) + R"(, "action": "OBSERVE", "other:x": 1)"),
            "event 1 at /epcisBody/eventList/1/other:x: [namespace] the prefix \"other\" is not "
            "declared in @context");
  EXPECT_EQ(Error(std::string(kEvent) + R"(, "action": "OBSERVE", "note": 1)"),
            "event 1 at /epcisBody/eventList/1/note: [unknown-field] \"note\" is not a standard "
            "field; extensions need a namespace prefix");
  EXPECT_EQ(Error(std::string(kEvent) + R"(, "action": "OBSERVE",
                                        "childEPCs": ["urn:epc:id:sgtin:8935000.012345.1"])"),
            "event 1 at /epcisBody/eventList/1/childEPCs: [not-allowed] childEPCs is not a field "
            "of ObjectEvent");
  EXPECT_EQ(Error(R"("type": "AssociationEvent", "action": "ADD",
                     "eventTime": "2024-01-01T08:00:00Z", "eventTimeZoneOffset": "+07:00")"),
            "event 1 at /epcisBody/eventList/1/parentID: [required] AssociationEvent requires "
            "parentID");
}

TEST(JsonDecode, ErrorCarriesThePointerAsField) {
  Result<Document> doc = DecodeJsonDocument(Doc(std::string(kEvent) + R"(, "action": "DELETE",
      "quantityList": [{"epcClass": "urn:epc:class:lgtin:8935000.012345.L1", "quantity": -1}])"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(doc.status().field(), "/epcisBody/eventList/1/quantityList/0/quantity");
}

TEST(JsonDecode, MalformedAndIncompleteDocuments) {
  EXPECT_EQ(DecodeJsonDocument("{\"type\": ").status().message(),
            "at /: [syntax] malformed JSON at byte 10");
  EXPECT_EQ(DecodeJsonDocument(R"({"@context": [], "type": "EPCISDocument",
                                   "creationDate": "2024-01-01T00:00:00Z", "epcisBody": {}})")
                .status()
                .message(),
            "at /schemaVersion: [required] an EPCISDocument needs a schemaVersion");
}

TEST(JsonDecode, QueryDocumentsAndBareEvents) {
  Result<Document> query = DecodeJsonDocument(R"({
      "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "type": "EPCISQueryDocument", "schemaVersion": "2.0",
      "creationDate": "2024-01-01T00:00:00Z",
      "epcisBody": {"queryResults": {"queryName": "SimpleEventQuery", "subscriptionID": "s1",
        "resultsBody": {"eventList": [{"type": "TransformationEvent",
          "eventTime": "2024-01-01T08:00:00+07:00", "eventTimeZoneOffset": "+07:00",
          "inputEPCList": ["urn:epc:id:sgtin:8935000.012345.1"],
          "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:8935000.012345.L2"}],
          "ilmd": {"cbvmda:lotNumber": "L2"}}]}}}})");
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_EQ(query->kind, DocumentKind::kQueryDocument);
  EXPECT_EQ(query->query_name, "SimpleEventQuery");
  EXPECT_EQ(query->subscription_id, "s1");
  ASSERT_EQ(query->events.size(), 1u);
  EXPECT_EQ(query->events[0].type, EventType::kTransformation);

  Result<Document> bare = DecodeJsonDocument(R"({
      "@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "AggregationEvent", "action": "ADD", "eventTime": "2024-01-01T08:00:00Z",
      "eventTimeZoneOffset": "+00:00", "parentID": "urn:epc:id:sscc:8935000.0000000001",
      "childEPCs": ["urn:epc:id:sgtin:8935000.012345.1"]})");
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->kind, DocumentKind::kSingleEvent);
  EXPECT_EQ(bare->events[0].parent_id, "https://id.gs1.org/00/089350000000000014");
}

}  // namespace
}  // namespace txng::epcis
