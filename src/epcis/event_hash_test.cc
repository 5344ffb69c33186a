#include "epcis/event_hash.h"

#include <gtest/gtest.h>

#include <string>

#include "epcis/json_decode.h"
#include "epcis/sha256.h"

namespace txng::epcis {
namespace {

Event DecodeEvent(const std::string& members) {
  Result<Document> doc = DecodeJsonDocument(
      R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                       {"ex": "https://ns.example.com/epcis/"}],
          "type": "ObjectEvent", "eventTimeZoneOffset": "+07:00", )" +
      members + "}");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? doc->events.front() : Event();
}

TEST(EventHash, CanonicalNumbers) {
  EXPECT_EQ(CanonicalNumber(26.0), "26");
  EXPECT_EQ(CanonicalNumber(12.1), "12.1");
  EXPECT_EQ(CanonicalNumber(0.005), "0.005");
  EXPECT_EQ(CanonicalNumber(0.0001), "0.0001");
  EXPECT_EQ(CanonicalNumber(0.00001), "1e-05");
  EXPECT_EQ(CanonicalNumber(-2.5), "-2.5");
  EXPECT_EQ(CanonicalNumber(1e20), "100000000000000000000");
  EXPECT_EQ(CanonicalNumber(1.5e16), "15000000000000000");
  EXPECT_EQ(CanonicalNumber(1.25e17 + 0.5), "125000000000000000");
}

TEST(EventHash, SameEventInOtherNotationsHashesEqual) {
  const Event a = DecodeEvent(R"("action": "OBSERVE", "eventTime": "2024-01-01T08:00:00+07:00",
      "epcList": ["urn:epc:id:sgtin:8935000.012345.1", "urn:epc:id:sgtin:8935000.012345.2"],
      "bizStep": "shipping", "readPoint": {"id": "urn:epc:id:sgln:8935000.00000.0"},
      "ex:b": "2", "ex:a": {"ex:y": 1.50, "ex:x": "urn:epcglobal:cbv:disp:active"})");
  const Event b = DecodeEvent(R"("ex:a": {"ex:x": "https://ref.gs1.org/cbv/Disp-active",
      "ex:y": 1.5}, "ex:b": "2.0",
      "readPoint": {"id": "https://id.gs1.org/414/8935000000007"},
      "bizStep": "urn:epcglobal:cbv:bizstep:shipping",
      "epcList": ["https://id.gs1.org/01/08935000123454/21/2",
                  "https://example.org/01/08935000123454/21/1"],
      "eventTime": "2024-01-01T01:00:00.0000Z", "action": "OBSERVE",
      "eventID": "urn:uuid:1", "recordTime": "2024-02-01T00:00:00Z")");
  EXPECT_EQ(EventPreHashString(a), EventPreHashString(b));
  EXPECT_EQ(EventPreHashString(a),
            "eventType=ObjectEventeventTime=2024-01-01T01:00:00.000ZeventTimeZoneOffset=+07:00"
            "epcListepc=https://id.gs1.org/01/08935000123454/21/1"
            "epc=https://id.gs1.org/01/08935000123454/21/2action=OBSERVE"
            "bizStep=https://ref.gs1.org/cbv/BizStep-shipping"
            "readPointid=https://id.gs1.org/414/8935000000007"
            "{https://ns.example.com/epcis/}a{https://ns.example.com/epcis/}x="
            "https://ref.gs1.org/cbv/Disp-active{https://ns.example.com/epcis/}y=1.5"
            "{https://ns.example.com/epcis/}b=2");
  EXPECT_EQ(EventHashId(a), "ni:///sha-256;" + Sha256Hex(EventPreHashString(a)) + "?ver=CBV2.0");
}

TEST(EventHash, AnyChangeChangesTheHash) {
  const std::string base = R"("action": "OBSERVE", "eventTime": "2024-01-01T08:00:00+07:00",
      "epcList": ["urn:epc:id:sgtin:8935000.012345.1"])";
  const std::string hash = EventHashId(DecodeEvent(base));
  EXPECT_NE(EventHashId(DecodeEvent(base + R"(, "disposition": "active")")), hash);
  EXPECT_NE(EventHashId(DecodeEvent(base + R"(, "ex:f": "")")), hash);
  EXPECT_NE(EventHashId(DecodeEvent(
                R"("action": "OBSERVE", "eventTime": "2024-01-01T08:00:00.001+07:00",
                   "epcList": ["urn:epc:id:sgtin:8935000.012345.1"])")),
            hash);
}

TEST(EventHash, IgnoredFieldsAndErrorDeclarationsDoNotCount) {
  const Event plain = DecodeEvent(R"("action": "OBSERVE", "eventTime": "2024-01-01T08:00:00Z")");
  const Event marked = DecodeEvent(R"("action": "OBSERVE", "eventTime": "2024-01-01T08:00:00Z",
      "ex:captureID": "42", "rdfs:comment": "seen at the gate",
      "errorDeclaration": {"declarationTime": "2024-01-02T00:00:00Z", "reason": "incorrect_data"})");
  EventHashOptions options;
  options.ignored_fields = {"{https://ns.example.com/epcis/}captureID"};
  EXPECT_EQ(EventHashId(marked, options), EventHashId(plain));
  EXPECT_NE(EventHashId(marked), EventHashId(plain));
}

}  // namespace
}  // namespace txng::epcis
