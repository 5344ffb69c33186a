// GET /api/v1/trace over HTTP on both backends: a durian chain from a
// growing area through a packing house to an exporter, captured by two
// organisations, traced as the public, the producer and the exporter see it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

constexpr const char* kContext =
    R"("@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"])";
const std::string kLot = "https://id.gs1.org/01/08930001000018/10/DR-0301";
const std::string kPallet = "https://id.gs1.org/00/089300010000000018";
const std::string kGrowingArea = "https://id.gs1.org/414/8930001000018";
const std::string kPackingHouse = "https://id.gs1.org/414/8930001000025";
const std::string kFarmParty = "https://id.gs1.org/417/8930001000032";
const std::string kExporterParty = "https://id.gs1.org/417/8930002000017";
const std::string kWrongPlace = "https://id.gs1.org/414/8930001000049";

std::string Doc(const std::string& events) {
  return std::string("{") + kContext +
         R"(, "type": "EPCISDocument", "schemaVersion": "2.0",
         "creationDate": "2026-03-10T09:00:00Z", "epcisBody": {"eventList": [)" +
         events + "]}}";
}

class TraceApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const Actor setup = Actor::System("system:test");
    // The catalogue: the durian, its growing area and packing house with
    // their codes, and both organisations' party GLNs.
    Product durian;
    durian.org_id = org_a_;
    durian.gtin = "08930001000018";
    durian.name_vi = "Sầu riêng Ri6";
    durian.name_en = "Ri6 durian";
    durian.review_status = ReviewStatus::kApproved;
    ASSERT_TRUE(IsOk(store_->CreateProduct(durian, setup)));
    Location area;
    area.org_id = org_a_;
    area.gln = "8930001000018";
    area.name = "Vùng trồng sầu riêng Bù Đăng";
    area.kind = LocationKind::kGrowingArea;
    area.area_code = "VN-BPTR-0012";
    area.district = "Bù Đăng";
    area.review_status = ReviewStatus::kApproved;
    ASSERT_TRUE(IsOk(store_->CreateLocation(area, setup)));
    Location house = area;
    house.gln = "8930001000025";
    house.name = "Cơ sở đóng gói Đức Liễu";
    house.kind = LocationKind::kPackingHouse;
    house.area_code = "VN-BPPH-0034";
    ASSERT_TRUE(IsOk(store_->CreateLocation(house, setup)));
    for (auto [id, gln] :
         {std::pair{org_a_, "8930001000032"}, std::pair{org_b_, "8930002000017"}}) {
      auto org = store_->GetOrganisation(id);
      ASSERT_TRUE(IsOk(org));
      org->gln = gln;
      ASSERT_TRUE(IsOk(store_->UpdateOrganisation(*org, setup)));
    }
  }

  // Captures `events` as `who` (asynchronously, as producers' systems do)
  // and returns the review-queue ids of what was stored.
  std::vector<int64_t> Capture(const Caller& who, const std::string& events) {
    std::set<int64_t> before = Pending();
    auto accepted = Call("POST", "/epcis/capture", who, Doc(events));
    EXPECT_EQ(accepted.status, 202) << accepted.body;
    capture_->WaitIdle();
    auto job = Call("GET", accepted.Header("location").value_or(""), who);
    EXPECT_EQ(Json(job)["success"], true) << job.body;
    std::vector<int64_t> added;
    for (int64_t id : Pending()) {
      if (!before.contains(id)) added.push_back(id);
    }
    return added;
  }

  std::set<int64_t> Pending() {
    auto queue = Call("GET", "/api/v1/events?status=pending&limit=500", Login("reviewer"));
    const json items = Json(queue)["items"];
    std::set<int64_t> ids;
    for (const json& item : items) ids.insert(item["id"].get<int64_t>());
    return ids;
  }

  void Approve(const std::vector<int64_t>& ids) {
    auto r = Call("POST", "/api/v1/events/review", Login("reviewer"),
                  json{{"ids", ids}, {"decision", "approve"}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // Harvest at the growing area, packing onto a pallet at the packing
  // house, shipping to the exporter (all by the farm, approved); the
  // exporter's receiving (not reviewed yet).
  void CaptureChain() {
    Approve(Capture(Login("producer_a"), R"(
      {"type": "ObjectEvent", "eventTime": "2026-03-01T06:00:00+07:00",
       "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "commissioning",
       "quantityList": [{"epcClass": ")" + kLot +
                                             R"(", "quantity": 500, "uom": "KGM"}],
       "bizLocation": {"id": ")" + kGrowingArea +
                                             R"("}},
      {"type": "AggregationEvent", "eventTime": "2026-03-02T06:00:00+07:00",
       "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "packing",
       "parentID": ")" + kPallet + R"(",
       "childQuantityList": [{"epcClass": ")" +
                                             kLot + R"(", "quantity": 500, "uom": "KGM"}],
       "bizLocation": {"id": ")" + kPackingHouse +
                                             R"("}},
      {"type": "ObjectEvent", "eventTime": "2026-03-03T06:00:00+07:00",
       "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "shipping",
       "epcList": [")" + kPallet + R"("],
       "bizLocation": {"id": ")" + kPackingHouse +
                                             R"("},
       "sourceList": [{"type": "owning_party", "source": ")" +
                                             kFarmParty + R"("}],
       "destinationList": [{"type": "owning_party", "destination": ")" +
                                             kExporterParty +
                                             R"("}]},
      {"type": "ObjectEvent", "eventID": "urn:uuid:3c0e8f5a-9a43-4e55-8f0e-5b8a1c2d3e4f",
       "eventTime": "2026-03-02T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
       "action": "OBSERVE", "bizStep": "storing",
       "quantityList": [{"epcClass": ")" + kLot +
                                             R"(", "quantity": 500, "uom": "KGM"}],
       "bizLocation": {"id": ")" + kWrongPlace +
                                             R"("}})"));
    // The farm declares its storing event erroneous (wrong place).
    Approve(Capture(Login("producer_a"), R"(
      {"type": "ObjectEvent", "eventID": "urn:uuid:3c0e8f5a-9a43-4e55-8f0e-5b8a1c2d3e4f",
       "eventTime": "2026-03-02T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
       "action": "OBSERVE", "bizStep": "storing",
       "quantityList": [{"epcClass": ")" + kLot +
                                             R"(", "quantity": 500, "uom": "KGM"}],
       "bizLocation": {"id": ")" + kWrongPlace +
                                             R"("},
       "errorDeclaration": {"declarationTime": "2026-03-04T08:00:00+07:00",
                            "reason": "incorrect_data"}})"));
    Capture(Login("producer_b"), R"(
      {"type": "ObjectEvent", "eventTime": "2026-03-05T06:00:00+07:00",
       "eventTimeZoneOffset": "+07:00", "action": "OBSERVE", "bizStep": "receiving",
       "epcList": [")" + kPallet + R"("],
       "sourceList": [{"type": "owning_party", "source": ")" +
                                     kFarmParty + R"("}],
       "destinationList": [{"type": "owning_party", "destination": ")" +
                                     kExporterParty + R"("}]})");
  }

  json Trace(const Caller& who, const std::string& query, int status = 200) {
    auto r = Call("GET", "/api/v1/trace?" + query, who);
    EXPECT_EQ(r.status, status) << query << ": " << r.body;
    return Json(r);
  }

  static std::map<std::string, json> NodesById(const json& answer) {
    std::map<std::string, json> out;
    for (const json& n : answer["nodes"]) out[n["id"].get<std::string>()] = n;
    return out;
  }

  static std::set<std::string> EdgeSet(const json& answer) {
    std::set<std::string> out;
    for (const json& e : answer["edges"]) {
      out.insert(e["from"].get<std::string>() + " " + e["relation"].get<std::string>() + " " +
                 e["to"].get<std::string>());
    }
    return out;
  }
};

TEST_P(TraceApiTest, ThePublicSeesTheApprovedJourneyWithNamesAndCodes) {
  CaptureChain();
  const json answer = Trace(Caller{}, "id=(01)08930001000018(10)DR-0301&direction=forward");
  EXPECT_EQ(answer["id"], kLot);
  EXPECT_EQ(answer["direction"], "forward");
  const auto nodes = NodesById(answer);
  EXPECT_EQ(nodes.size(), 6u) << answer.dump(1);
  EXPECT_EQ(nodes.at(kLot)["reach"], "root");
  EXPECT_EQ(nodes.at(kLot)["kind"], "lot");
  EXPECT_EQ(nodes.at(kLot)["nameVi"], "Sầu riêng Ri6");
  EXPECT_EQ(nodes.at(kLot)["nameEn"], "Ri6 durian");
  EXPECT_EQ(nodes.at(kLot)["lotCode"], "DR-0301");
  EXPECT_EQ(nodes.at(kLot)["organisation"], "Hợp tác xã Điều Bù Đăng");
  EXPECT_EQ(nodes.at(kLot)["origin"]["bizLocation"], kGrowingArea);
  EXPECT_EQ(nodes.at(kPallet)["reach"], "carrier");
  EXPECT_EQ(nodes.at(kGrowingArea)["areaCode"], "VN-BPTR-0012");
  EXPECT_EQ(nodes.at(kGrowingArea)["nameVi"], "Vùng trồng sầu riêng Bù Đăng");
  EXPECT_EQ(nodes.at(kPackingHouse)["areaCode"], "VN-BPPH-0034");
  EXPECT_EQ(nodes.at(kFarmParty)["nameVi"], "Hợp tác xã Điều Bù Đăng");
  EXPECT_EQ(nodes.at(kExporterParty)["nameVi"], "Công ty TNHH Tiêu Lộc Ninh");
  // The event declared in error is left out, with its place.
  EXPECT_FALSE(nodes.contains(kWrongPlace));
  EXPECT_EQ(EdgeSet(answer), (std::set<std::string>{
                                 kLot + " commissionedAt " + kGrowingArea,
                                 kLot + " observedAt " + kPackingHouse,
                                 kLot + " packedInto " + kPallet,
                                 kPallet + " observedAt " + kPackingHouse,
                                 kFarmParty + " from " + kPallet,
                                 kPallet + " to " + kExporterParty,
                             }));
  // The exporter's receiving is not reviewed yet: the public answer says the
  // trace stops at the pallet.
  EXPECT_EQ(answer["withheld"], true);
  EXPECT_EQ(nodes.at(kPallet)["withheld"], true);
  EXPECT_TRUE(answer.contains("notice"));
  EXPECT_EQ(answer["oneStep"]["actors"].size(), 2u);
  EXPECT_EQ(answer["oneStep"]["actors"][0]["party"], kFarmParty);
  EXPECT_EQ(answer["oneStep"]["actors"][0]["customers"], json::array({kExporterParty}));
  EXPECT_EQ(answer["oneStep"]["actors"][1]["suppliers"], json::array({kFarmParty}));
  EXPECT_EQ(answer["oneStep"]["actors"][1]["received"], json::array({kPallet}));
}

TEST_P(TraceApiTest, EachProducerSeesItsOwnUnpublishedEvents) {
  CaptureChain();
  const std::string query = "id=" + kPallet + "&direction=both";
  const json exporter = Trace(Login("producer_b"), query);
  EXPECT_EQ(exporter["withheld"], false);
  const json farm = Trace(Login("producer_a"), query);
  EXPECT_EQ(farm["withheld"], true);
  // The receiving adds its own source and destination edges.
  EXPECT_EQ(exporter["edges"].size(), farm["edges"].size() + 2) << exporter.dump(1);
  // Backward from the pallet: its contents, then their origin.
  const auto nodes = NodesById(farm);
  EXPECT_EQ(nodes.at(kLot)["reach"], "upstream");
  EXPECT_EQ(nodes.at(kGrowingArea)["reach"], "context");
  // The reviewer sees everything, published or not.
  EXPECT_EQ(Trace(Login("reviewer"), query)["withheld"], false);
}

TEST_P(TraceApiTest, BadInputIsAProblemAndUnknownOrUnpublishedIsNotFound) {
  CaptureChain();
  const Snapshot before = Counts();
  json unknown = Trace(Caller{}, "id=(01)08930001000018(10)NOPE", 404);
  EXPECT_EQ(unknown["detail"], "no event you can see names " +
                                   std::string("https://id.gs1.org/01/08930001000018/10/NOPE"));
  json bad = Trace(Caller{}, "id=(01)08930001000017(10)DR-0301", 400);
  EXPECT_NE(bad["detail"].get<std::string>().find("check digit 7 should be 8"), std::string::npos)
      << bad;
  EXPECT_EQ(Trace(Caller{}, "direction=forward", 400)["detail"], "parameter id is required");
  EXPECT_EQ(Trace(Caller{}, "id=" + kLot + "&depth=99", 400)["detail"], "depth must be 0..64");
  EXPECT_EQ(Trace(Caller{}, "id=" + kLot + "&direction=sideways", 400)["detail"],
            "direction must be backward, forward or both, not \"sideways\"");
  EXPECT_EQ(Counts(), before);  // traces change nothing
  // Only the exporter's unpublished receiving names this place: for the
  // public there is nothing to trace.
  Capture(Login("producer_b"), R"(
      {"type": "ObjectEvent", "eventTime": "2026-03-06T06:00:00+07:00",
       "eventTimeZoneOffset": "+07:00", "action": "ADD", "bizStep": "commissioning",
       "quantityList": [{"epcClass": "https://id.gs1.org/01/08930002000017/10/PEP-1",
                         "quantity": 10, "uom": "KGM"}]})");
  Trace(Caller{}, "id=(01)08930002000017(10)PEP-1", 404);
  Trace(Login("producer_a"), "id=(01)08930002000017(10)PEP-1", 404);
  Trace(Login("producer_b"), "id=(01)08930002000017(10)PEP-1", 200);
}

TEST_P(TraceApiTest, DepthAndPagesBoundTheAnswer) {
  CaptureChain();
  const json shallow = Trace(Caller{}, "id=" + kPallet + "&direction=backward&depth=0");
  EXPECT_EQ(shallow["nodes"][0]["depthLimited"], true);
  EXPECT_FALSE(NodesById(shallow).contains(kLot));
  const json first = Trace(Caller{}, "id=" + kLot + "&direction=forward&limit=2");
  ASSERT_EQ(first["nodes"].size(), 2u);
  EXPECT_EQ(first["nextOffset"], 2);
  std::set<std::string> seen;
  for (const json& n : first["nodes"]) seen.insert(n["id"]);
  json page = first;
  while (page.contains("nextOffset")) {
    page = Trace(Caller{}, "id=" + kLot + "&direction=forward&limit=2&offset=" +
                               std::to_string(page["nextOffset"].get<int>()));
    for (const json& n : page["nodes"]) EXPECT_TRUE(seen.insert(n["id"]).second) << n;
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST_P(TraceApiTest, TheTracePageAndTheProductPageShowTheJourney) {
  CaptureChain();
  Lot lot;
  lot.org_id = org_a_;
  lot.product_id = store_->GetProductByGtin("08930001000018")->id;
  lot.lot_code = "DR-0301";
  lot.review_status = ReviewStatus::kApproved;
  ASSERT_TRUE(IsOk(store_->CreateLot(lot, Actor::System("system:test"))));

  auto page =
      Call("GET", "/trace?id=%2801%2908930001000018%2810%29DR-0301&direction=backward", Caller{});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<h2 id=\"trace-root-h\">Sầu riêng Ri6</h2>"), std::string::npos)
      << page.body;
  // Harvest at the growing area with its code, packing, shipping, in order.
  const size_t harvest = page.body.find("<strong>Sản xuất, thu hoạch</strong>");
  const size_t packing = page.body.find("<strong>Đóng gói</strong>");
  const size_t shipping = page.body.find("<strong>Xuất hàng</strong>");
  ASSERT_NE(harvest, std::string::npos) << page.body;
  EXPECT_LT(harvest, packing);
  EXPECT_LT(packing, shipping);
  EXPECT_NE(page.body.find("Vùng trồng sầu riêng Bù Đăng (mã VN-BPTR-0012)"), std::string::npos);
  EXPECT_NE(page.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trace-graph\""),
            std::string::npos);
  auto english = Call("GET", "/trace?id=" + kLot + "&direction=backward&lang=en", Caller{});
  EXPECT_NE(english.body.find("<strong>Produced or harvested</strong>"), std::string::npos);
  EXPECT_NE(english.body.find("(code VN-BPTR-0012)"), std::string::npos);

  auto missing = Call("GET", "/trace?id=%2801%2908930001000018%2810%29NOPE", Caller{});
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("no event you can see names"), std::string::npos);
  auto bad = Call("GET", "/trace?id=%2801%2908930001000017", Caller{});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("check digit 7 should be 8"), std::string::npos);

  auto product = Call("GET", "/01/08930001000018", Caller{});
  ASSERT_EQ(product.status, 200) << product.body;
  EXPECT_NE(product.body.find("<strong>Sản xuất, thu hoạch</strong>"), std::string::npos)
      << product.body;
  EXPECT_NE(product.body.find("<strong>Xuất hàng</strong>"), std::string::npos);
}

TXNG_INSTANTIATE_BACKENDS(TraceApiTest);

}  // namespace
}  // namespace txng
