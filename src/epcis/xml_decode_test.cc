#include "epcis/xml_decode.h"

#include <gtest/gtest.h>

#include <string>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"

namespace txng::epcis {
namespace {

// An EPCIS 1.2 document: TransformationEvent wrapped in <extension>, eventID
// in <baseExtension>, quantityList and ilmd in the event's <extension>.
constexpr const char* kEpcis12 = R"(<?xml version="1.0"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:ex="https://ns.example.com/epcis/"
    xmlns:cbvmda="urn:epcglobal:cbv:mda:" schemaVersion="1.2" creationDate="2024-01-01T00:00:00Z">
  <EPCISBody><EventList>
    <ObjectEvent>
      <eventTime>2024-01-01T08:00:00+07:00</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
      <baseExtension><eventID>urn:uuid:6f1c2a60-1111-4222-8333-944455556666</eventID></baseExtension>
      <epcList/>
      <action>ADD</action>
      <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
      <extension>
        <quantityList><quantityElement>
          <epcClass>urn:epc:class:lgtin:8935000.012345.L1</epcClass>
          <quantity>5.0</quantity><uom>KGM</uom>
        </quantityElement></quantityList>
        <ilmd><cbvmda:lotNumber>L1</cbvmda:lotNumber></ilmd>
      </extension>
      <ex:grade>A</ex:grade>
      <ex:bag><ex:kg>25</ex:kg></ex:bag>
      <ex:bag><ex:kg>30</ex:kg></ex:bag>
    </ObjectEvent>
    <extension><TransformationEvent>
      <eventTime>2024-01-01T09:00:00+07:00</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
      <inputEPCList><epc>urn:epc:id:sgtin:8935000.012345.1</epc></inputEPCList>
      <outputEPCList><epc>urn:epc:id:sgtin:8935000.012345.2</epc></outputEPCList>
    </TransformationEvent></extension>
  </EventList></EPCISBody>
</epcis:EPCISDocument>)";

TEST(XmlDecode, ReadsEpcis12Documents) {
  Result<Document> doc = DecodeXmlDocument(kEpcis12);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->events.size(), 2u);
  const Event& e = doc->events[0];
  EXPECT_EQ(e.event_id, "urn:uuid:6f1c2a60-1111-4222-8333-944455556666");
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-commissioning");
  ASSERT_EQ(e.quantity_list.size(), 1u);
  EXPECT_EQ(e.quantity_list[0].epc_class, "https://id.gs1.org/01/08935000123454/10/L1");
  EXPECT_EQ(e.quantity_list[0].quantity, 5.0);
  ASSERT_TRUE(e.ilmd.has_value());
  EXPECT_EQ((*e.ilmd)[0].name, "{urn:epcglobal:cbv:mda:}lotNumber");
  ASSERT_EQ(e.extensions.size(), 2u);
  EXPECT_EQ(e.extensions[0].name, "{https://ns.example.com/epcis/}grade");
  EXPECT_EQ(e.extensions[1].value,
            nlohmann::json::parse(R"([{"{https://ns.example.com/epcis/}kg": "25"},
                                      {"{https://ns.example.com/epcis/}kg": "30"}])"));
  EXPECT_EQ(doc->events[1].type, EventType::kTransformation);
}

TEST(XmlDecode, SameEventAsJsonLdHashesEqual) {
  Result<Document> xml = DecodeXmlDocument(kEpcis12);
  Result<Document> json = DecodeJsonDocument(R"({
    "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                 {"ex": "https://ns.example.com/epcis/"}],
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
    "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventTime": "2024-01-01T01:00:00Z",
      "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "commissioning",
      "quantityList": [{"epcClass": "https://id.gs1.org/01/08935000123454/10/L1",
                        "quantity": 5, "uom": "KGM"}],
      "ilmd": {"cbvmda:lotNumber": "L1"}, "ex:grade": "A",
      "ex:bag": [{"ex:kg": 25}, {"ex:kg": 30}]}]}})");
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(EventPreHashString(xml->events[0]), EventPreHashString(json->events[0]));
}

std::string Error(const std::string& event) {
  Result<Document> doc = DecodeXmlDocument(
      R"(<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
          creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList>)" +
      event + "</EventList></EPCISBody></epcis:EPCISDocument>");
  return doc.ok() ? "decoded" : doc.status().message();
}

TEST(XmlDecode, ErrorsNameEventXPathAndRule) {
  EXPECT_EQ(Error(R"(<ObjectEvent><eventTime>2024-01-01T08:00:00Z</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
      <epcList><epc>urn:epc:id:sgtin:8935000.012345.1</epc>
               <epc>https://id.gs1.org/01/08935000123453/21/2</epc></epcList>
      <action>OBSERVE</action></ObjectEvent>)"),
            "event 0 at /EPCISDocument/EPCISBody/EventList/*[1]/epcList/epc[2]: [gs1-key] AI "
            "(01): check digit 3 should be 4 (position 14 of \"08935000123453\")");
  EXPECT_EQ(Error(R"(<ObjectEvent><eventTime>2024-01-01T08:00:00Z</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset><action>OBSERVE</action>
      <ilmd><x:lot xmlns:x="urn:x:">1</x:lot></ilmd></ObjectEvent>)"),
            "event 0 at /EPCISDocument/EPCISBody/EventList/*[1]/ilmd: [ilmd] ilmd "
            "(instance/lot master data) is allowed only with action ADD");
  EXPECT_EQ(Error("<ShippingEvent/>"),
            "event 0 at /EPCISDocument/EPCISBody/EventList/*[1]: [event-type] unknown event "
            "type \"ShippingEvent\"");
  EXPECT_EQ(Error(R"(<ObjectEvent><eventTime>2024-01-01T08:00:00Z</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset><action>OBSERVE</action>
      <note>x</note></ObjectEvent>)"),
            "event 0 at /EPCISDocument/EPCISBody/EventList/*[1]/note: [unknown-field] \"note\" "
            "is not a field of ObjectEvent");
}

TEST(XmlDecode, NumbersAreDecimals) {
  const std::string event = R"(<ObjectEvent><eventTime>2024-01-01T08:00:00Z</eventTime>
      <eventTimeZoneOffset>+07:00</eventTimeZoneOffset><epcList/><action>OBSERVE</action>
      <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:8935000.012345.L1</epcClass>
      <quantity>NUMBER</quantity></quantityElement></quantityList></ObjectEvent>)";
  auto with = [&](const std::string& number) {
    std::string e = event;
    e.replace(e.find("NUMBER"), 6, number);
    return Error(e);
  };
  EXPECT_EQ(with("12.50"), "decoded");
  EXPECT_EQ(with("1e3"), "decoded");
  EXPECT_EQ(with("NaN"),
            "event 0 at /EPCISDocument/EPCISBody/EventList/*[1]/quantityList/"
            "quantityElement[1]/quantity: [type] \"NaN\" is not a number");
  EXPECT_NE(with("0x10"), "decoded");
  EXPECT_NE(with("1.2.3"), "decoded");
}

TEST(XmlDecode, MalformedXmlAndEntities) {
  EXPECT_EQ(DecodeXmlDocument("<epcis:EPCISDocument").status().message(),
            "at /: [syntax] malformed XML at byte 19: Error parsing start element tag");
  // A DOCTYPE is skipped and its entities are never expanded.
  Result<Document> doc = DecodeXmlDocument(R"(<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="urn:ex:"
    schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList>
  <ObjectEvent><eventTime>2024-01-01T08:00:00Z</eventTime>
    <eventTimeZoneOffset>+07:00</eventTimeZoneOffset><action>OBSERVE</action>
    <ex:note>&x;</ex:note></ObjectEvent>
</EventList></EPCISBody></epcis:EPCISDocument>)");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->events[0].extensions[0].value, "&x;");
}

}  // namespace
}  // namespace txng::epcis
