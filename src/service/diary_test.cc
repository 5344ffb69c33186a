#include "service/diary.h"

#include <gtest/gtest.h>

#include "epcis/validation.h"

namespace txng {
namespace {

constexpr const char* kLot = "https://id.gs1.org/01/08930001000018/10/L1";
constexpr const char* kOutLot = "https://id.gs1.org/01/08930001000025/10/P1";
constexpr const char* kFarm = "https://id.gs1.org/414/8930001000018/254/VUON1";
constexpr const char* kOwnParty = "https://id.gs1.org/417/8930001000018";
constexpr const char* kPartner = "https://id.gs1.org/417/8930002000017";
constexpr const char* kTxng = "https://txng.binhphuoc.gov.vn/epcis/";

DiaryEntry Entry(DiaryStage stage) {
  DiaryEntry e;
  e.stage = stage;
  e.local_time = "2026-11-20T07:30";
  e.lots = {{"08930001000018", "L1", 120, "KGM"}};
  e.place = {"8930001000018", "VUON1", "VT-BP-001"};
  e.own_gln = "8930001000018";
  e.partner_gln = "8930002000017";
  return e;
}

epcis::Event EventOf(const DiaryEntry& entry) {
  Result<epcis::Event> e = DiaryEvent(entry);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  if (!e.ok()) return {};
  // Every diary event is a valid EPCIS 2.0 event.
  const Status valid = epcis::ValidateEvent(*e, 0, "/");
  EXPECT_TRUE(valid.ok()) << valid.ToString();
  return *e;
}

std::vector<epcis::QuantityElement> LotQuantity() { return {{kLot, 120, "KGM"}}; }

void ExpectWhenAndWhere(const epcis::Event& e) {
  EXPECT_EQ(e.event_time, "2026-11-20T07:30:00+07:00");
  EXPECT_EQ(e.event_time_zone_offset, "+07:00");
  ASSERT_TRUE(e.read_point.has_value());
  EXPECT_EQ(e.read_point->id, kFarm);
  ASSERT_TRUE(e.biz_location.has_value());
  EXPECT_EQ(e.biz_location->id, kFarm);
}

TEST(DiaryStageTest, NamesAndBizStepsRoundTrip) {
  for (DiaryStage s : kDiaryStages) {
    EXPECT_EQ(DiaryStageFromName(DiaryStageName(s)), s);
    EXPECT_EQ(DiaryStageOfBizStep(DiaryBizStep(s)), s);
  }
  EXPECT_EQ(DiaryStageFromName("harvest"), std::nullopt);
  EXPECT_EQ(DiaryStageOfBizStep("https://ref.gs1.org/cbv/BizStep-loading"), std::nullopt);
}

TEST(DiaryEventTest, PlantingAndCareIsAnObservationWithTheActivity) {
  DiaryEntry entry = Entry(DiaryStage::kPlantingCare);
  entry.lots[0].quantity.reset();
  entry.lots[0].uom.clear();
  entry.activity = "fertilising";
  entry.note = "NPK 16-16-8, 2 kg/cây";
  const epcis::Event e = EventOf(entry);
  EXPECT_EQ(e.type, epcis::EventType::kObject);
  EXPECT_EQ(e.action, epcis::Action::kObserve);
  EXPECT_EQ(e.biz_step, std::string(kTxng) + "BizStep-farming");
  EXPECT_EQ(e.disposition, "");
  ExpectWhenAndWhere(e);
  ASSERT_EQ(e.quantity_list.size(), 1u);
  EXPECT_EQ(e.quantity_list[0], (epcis::QuantityElement{kLot, std::nullopt, ""}));
  EXPECT_EQ(e.extensions,
            (epcis::Extensions{{"{" + std::string(kTxng) + "}farmActivity", "fertilising"},
                               {"{" + std::string(kTxng) + "}note", "NPK 16-16-8, 2 kg/cây"}}));
  EXPECT_FALSE(e.ilmd.has_value());
  EXPECT_TRUE(e.sources.empty());
}

TEST(DiaryEventTest, HarvestingCommissionsTheLotWithItsHarvestAttributes) {
  const epcis::Event e = EventOf(Entry(DiaryStage::kHarvesting));
  EXPECT_EQ(e.type, epcis::EventType::kObject);
  EXPECT_EQ(e.action, epcis::Action::kAdd);
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-commissioning");
  EXPECT_EQ(e.disposition, "https://ref.gs1.org/cbv/Disp-active");
  ExpectWhenAndWhere(e);
  EXPECT_EQ(e.quantity_list, LotQuantity());
  ASSERT_TRUE(e.ilmd.has_value());
  EXPECT_EQ(*e.ilmd,
            (epcis::Extensions{{"{urn:epcglobal:cbv:mda:}harvestStartDate", "2026-11-20"},
                               {"{urn:epcglobal:cbv:mda:}harvestEndDate", "2026-11-20"},
                               {"{urn:epcglobal:cbv:mda:}lotNumber", "L1"},
                               {"{" + std::string(kTxng) + "}growingAreaCode", "VT-BP-001"}}));
  EXPECT_TRUE(e.extensions.empty());
}

TEST(DiaryEventTest, HarvestingWithoutAnAreaCodeLeavesItOut) {
  DiaryEntry entry = Entry(DiaryStage::kHarvesting);
  entry.place.area_code.clear();
  const epcis::Event e = EventOf(entry);
  ASSERT_TRUE(e.ilmd.has_value());
  EXPECT_EQ(e.ilmd->size(), 3u);
  EXPECT_EQ(e.ilmd->back().name, "{urn:epcglobal:cbv:mda:}lotNumber");
}

TEST(DiaryEventTest, ProcessingTransformsInputsIntoOutputs) {
  DiaryEntry entry = Entry(DiaryStage::kProcessing);
  entry.outputs = {{"08930001000025", "P1", 30, "KGM"}};
  const epcis::Event e = EventOf(entry);
  EXPECT_EQ(e.type, epcis::EventType::kTransformation);
  EXPECT_EQ(e.action, epcis::Action::kNone);
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-creating_class_instance");
  EXPECT_EQ(e.disposition, "https://ref.gs1.org/cbv/Disp-active");
  ExpectWhenAndWhere(e);
  EXPECT_EQ(e.input_quantity_list, LotQuantity());
  EXPECT_EQ(e.output_quantity_list, (std::vector<epcis::QuantityElement>{{kOutLot, 30, "KGM"}}));
  EXPECT_TRUE(e.quantity_list.empty());
}

TEST(DiaryEventTest, PackingStorageAndSellingObserveTheLot) {
  struct Case {
    DiaryStage stage;
    const char* biz_step;
    const char* disposition;
  };
  for (const Case& c : {Case{DiaryStage::kPacking, "packing", "in_progress"},
                        Case{DiaryStage::kStorage, "storing", "sellable_not_accessible"},
                        Case{DiaryStage::kSelling, "retail_selling", "retail_sold"}}) {
    SCOPED_TRACE(DiaryStageName(c.stage));
    const epcis::Event e = EventOf(Entry(c.stage));
    EXPECT_EQ(e.type, epcis::EventType::kObject);
    EXPECT_EQ(e.action, epcis::Action::kObserve);
    EXPECT_EQ(e.biz_step, std::string("https://ref.gs1.org/cbv/BizStep-") + c.biz_step);
    EXPECT_EQ(e.disposition, std::string("https://ref.gs1.org/cbv/Disp-") + c.disposition);
    ExpectWhenAndWhere(e);
    EXPECT_EQ(e.quantity_list, LotQuantity());
    EXPECT_TRUE(e.sources.empty());
    EXPECT_TRUE(e.destinations.empty());
    EXPECT_FALSE(e.ilmd.has_value());
  }
}

TEST(DiaryEventTest, ShippingNamesTheOwnerAndPlaceItLeavesAndTheBuyer) {
  const epcis::Event e = EventOf(Entry(DiaryStage::kShipping));
  EXPECT_EQ(e.action, epcis::Action::kObserve);
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-shipping");
  EXPECT_EQ(e.disposition, "https://ref.gs1.org/cbv/Disp-in_transit");
  ExpectWhenAndWhere(e);
  EXPECT_EQ(e.quantity_list, LotQuantity());
  EXPECT_EQ(e.sources,
            (std::vector<epcis::TypedId>{{"https://ref.gs1.org/cbv/SDT-owning_party", kOwnParty},
                                         {"https://ref.gs1.org/cbv/SDT-location", kFarm}}));
  EXPECT_EQ(e.destinations,
            (std::vector<epcis::TypedId>{{"https://ref.gs1.org/cbv/SDT-owning_party", kPartner}}));
}

TEST(DiaryEventTest, ReceivingNamesTheSellerAndTheOwnerAndPlaceItReaches) {
  const epcis::Event e = EventOf(Entry(DiaryStage::kReceiving));
  EXPECT_EQ(e.biz_step, "https://ref.gs1.org/cbv/BizStep-receiving");
  EXPECT_EQ(e.disposition, "https://ref.gs1.org/cbv/Disp-in_progress");
  ExpectWhenAndWhere(e);
  EXPECT_EQ(e.sources,
            (std::vector<epcis::TypedId>{{"https://ref.gs1.org/cbv/SDT-owning_party", kPartner}}));
  EXPECT_EQ(e.destinations,
            (std::vector<epcis::TypedId>{{"https://ref.gs1.org/cbv/SDT-owning_party", kOwnParty},
                                         {"https://ref.gs1.org/cbv/SDT-location", kFarm}}));
}

TEST(DiaryEventTest, AnOrganisationWithoutGlnShipsFromItsPlaceOnly) {
  DiaryEntry entry = Entry(DiaryStage::kShipping);
  entry.own_gln.clear();
  const epcis::Event e = EventOf(entry);
  EXPECT_EQ(e.sources,
            (std::vector<epcis::TypedId>{{"https://ref.gs1.org/cbv/SDT-location", kFarm}}));
}

TEST(DiaryEventTest, CodesThatMakeNoIdentifierAreInvalidArguments) {
  DiaryEntry entry = Entry(DiaryStage::kHarvesting);
  entry.lots[0].gtin = "0893000100001X";  // not digits
  Result<epcis::Event> e = DiaryEvent(entry);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(e.status().field(), "lot");

  entry.lots[0].gtin = "08930001000019";  // wrong check digit
  e = DiaryEvent(entry);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().field(), "lot");

  entry = Entry(DiaryStage::kShipping);
  entry.partner_gln = "12";
  e = DiaryEvent(entry);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().field(), "partner");
}

}  // namespace
}  // namespace txng
