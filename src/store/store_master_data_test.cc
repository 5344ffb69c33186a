#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

epcis::VocabularyElement Element(std::string_view type, std::string id,
                                 std::vector<epcis::MasterDataAttribute> attributes,
                                 std::vector<std::string> children = {}) {
  epcis::VocabularyElement e;
  e.type = std::string(type);
  e.id = std::move(id);
  e.attributes = std::move(attributes);
  e.children = std::move(children);
  return e;
}

const std::string kSite = "https://id.gs1.org/414/8930001000018";
const std::string kDock = "https://id.gs1.org/414/8930001000018/254/dock1";
const std::string kLot = "https://id.gs1.org/01/08930001000018/10/L1";

class MasterDataTest : public StoreTest {
 protected:
  // Captures no events, only `elements`, for `org`.
  Status Capture(int64_t org, std::vector<epcis::VocabularyElement> elements) {
    CaptureContext ctx;
    ctx.org_id = org;
    ctx.master_data = std::move(elements);
    return store_->CaptureEvents({}, ctx, Admin()).status();
  }

  std::vector<StoredVocabularyElement> List(MasterDataFilter f) {
    auto list = store_->ListMasterData(f, 100);
    EXPECT_TRUE(IsOk(list));
    return list.ok() ? *list : std::vector<StoredVocabularyElement>{};
  }
};

TEST_P(MasterDataTest, StoredPerOrganisationLinkedAndReplacedByTheLatest) {
  const Organisation a = MakeOrganisation("HTX A"), b = MakeOrganisation("HTX B");
  const Product product = MakeProduct(a.id, "08930001000018");
  Location site;
  site.org_id = a.id;
  site.gln = "8930001000018";
  site.name = "Xưởng Bù Đăng";
  site.kind = LocationKind::kFactory;
  auto location = store_->CreateLocation(site, Admin());
  ASSERT_TRUE(IsOk(location));

  ASSERT_TRUE(IsOk(Capture(
      a.id,
      {Element(epcis::vtype::kBusinessLocation, kSite,
               {{"urn:epcglobal:cbv:mda:name", "\"Xưởng Bù Đăng\""}}, {kDock}),
       Element(epcis::vtype::kEpcClass, kLot, {{"urn:epcglobal:cbv:mda:lotNumber", "\"L1\""}})})));
  ASSERT_TRUE(IsOk(Capture(
      b.id, {Element(epcis::vtype::kBusinessLocation, kSite, {{"https://example.com/x", "7"}})})));

  MasterDataFilter of_site;
  of_site.element_id = kSite;
  std::vector<StoredVocabularyElement> sites = List(of_site);
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(sites[0].org_id, a.id);
  EXPECT_EQ(sites[0].location_id, location->id);
  EXPECT_EQ(sites[0].element.children, std::vector<std::string>{kDock});
  ASSERT_EQ(sites[0].element.attributes.size(), 1u);
  EXPECT_EQ(sites[0].element.attributes[0].value, "\"Xưởng Bù Đăng\"");
  EXPECT_EQ(sites[1].org_id, b.id);
  EXPECT_EQ(sites[1].element.attributes[0].value, "7");

  MasterDataFilter classes;
  classes.vocabulary_type = std::string(epcis::vtype::kEpcClass);
  std::vector<StoredVocabularyElement> lots = List(classes);
  ASSERT_EQ(lots.size(), 1u);
  EXPECT_EQ(lots[0].product_id, product.id);
  EXPECT_FALSE(lots[0].lot_id);  // no lot L1 registered

  // A later description replaces A's attributes and children, keeps its row.
  ASSERT_TRUE(IsOk(Capture(a.id, {Element(epcis::vtype::kBusinessLocation, kSite, {}, {})})));
  of_site.org_id = a.id;
  std::vector<StoredVocabularyElement> again = List(of_site);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].id, sites[0].id);
  EXPECT_TRUE(again[0].element.attributes.empty());
  EXPECT_TRUE(again[0].element.children.empty());
}

TEST_P(MasterDataTest, AFailedCaptureStoresNoMasterData) {
  const Organisation a = MakeOrganisation("HTX A");
  CaptureContext ctx;
  ctx.org_id = a.id + 100;  // no such organisation: the whole capture fails
  ctx.master_data = {Element(epcis::vtype::kReadPoint, kDock, {})};
  EXPECT_FALSE(store_->CaptureEvents({}, ctx, Admin()).ok());
  EXPECT_TRUE(List({}).empty());
}

// An ObjectEvent observed at read point `read_point` in business location
// `biz_location` (either may be empty).
NewEvent ObservedAt(const std::string& serial, const std::string& read_point,
                    const std::string& biz_location) {
  NewEvent out;
  out.event.type = epcis::EventType::kObject;
  out.event.action = epcis::Action::kObserve;
  out.event.event_time = "2026-03-01T08:00:00+07:00";
  out.event.event_time_zone_offset = "+07:00";
  out.event.epc_list = {"https://id.gs1.org/01/08930001000018/21/" + serial};
  if (!read_point.empty()) out.event.read_point = epcis::Location{read_point, {}};
  if (!biz_location.empty()) out.event.biz_location = epcis::Location{biz_location, {}};
  out.hash_id = "ni:///sha-256;" + serial + "?ver=CBV2.0";
  return out;
}

TEST_P(MasterDataTest, WithDescendantsAndAttributesAnswerQueries) {
  const Organisation a = MakeOrganisation("HTX A"), b = MakeOrganisation("HTX B");
  const std::string kHall = "https://id.gs1.org/414/8930001000018/254/hall";
  const std::string kOther = "https://id.gs1.org/414/8930001000025";
  // Site > dock > hall (the hall described by another organisation), and
  // a cycle hall > site that must not loop.
  ASSERT_TRUE(IsOk(Capture(
      a.id, {Element(epcis::vtype::kBusinessLocation, kSite,
                     {{"urn:epcglobal:cbv:mda:sst", "\"201\""}}, {kDock}),
             Element(epcis::vtype::kReadPoint, kDock, {{"urn:epcglobal:cbv:mda:sst", "202"}})})));
  ASSERT_TRUE(IsOk(Capture(b.id, {Element(epcis::vtype::kBusinessLocation, kDock, {}, {kHall}),
                                  Element(epcis::vtype::kBusinessLocation, kHall, {}, {kSite})})));
  CaptureContext ctx;
  ctx.org_id = a.id;
  auto captured = store_->CaptureEvents(
      {ObservedAt("1", kSite, kSite), ObservedAt("2", kDock, kDock), ObservedAt("3", kHall, kHall),
       ObservedAt("4", kOther, kOther), ObservedAt("5", "", "")},
      ctx, Admin());
  ASSERT_TRUE(IsOk(captured));
  auto ids = [&](const MasterDataQuery& md) {
    EventQuery q;
    q.master_data = md;
    auto page = store_->QueryEvents(q);
    EXPECT_TRUE(IsOk(page));
    std::vector<std::string> serials;
    if (page.ok()) {
      for (const StoredEvent& e : page->events)
        serials.push_back(e.event.epc_list.at(0).substr(40));
    }
    return serials;
  };
  using V = std::vector<std::string>;
  MasterDataQuery wd;
  wd.wd_read_points = {kSite};
  EXPECT_EQ(ids(wd), (V{"1", "2", "3"}));
  wd.wd_read_points = {kHall};
  EXPECT_EQ(ids(wd), (V{"1", "2", "3"}));  // through the cycle back to the site
  wd.wd_read_points = {kOther};
  EXPECT_EQ(ids(wd), (V{"4"}));  // no master data: the location itself
  MasterDataQuery wd_biz;
  wd_biz.wd_biz_locations = {kDock};
  EXPECT_EQ(ids(wd_biz), (V{"1", "2", "3"}));

  AttributeMatch has;
  has.field = AttributeMatch::Field::kBizLocation;
  has.values = {"urn:epcglobal:cbv:mda:sst", "urn:example:none"};
  MasterDataQuery attributes;
  attributes.attributes = {has};
  EXPECT_EQ(ids(attributes), (V{"1"}));  // only the site's BusinessLocation element has it
  AttributeMatch eq;
  eq.field = AttributeMatch::Field::kReadPoint;
  eq.attribute = "urn:epcglobal:cbv:mda:sst";
  eq.values = {"202"};
  attributes.attributes = {eq};
  EXPECT_EQ(ids(attributes), (V{"2"}));
  eq.values = {"201"};  // the site's 201 is BusinessLocation master data, not ReadPoint
  attributes.attributes = {eq};
  EXPECT_EQ(ids(attributes), V{});
}

TXNG_INSTANTIATE_BACKENDS(MasterDataTest);

}  // namespace
}  // namespace txng
