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

TXNG_INSTANTIATE_BACKENDS(MasterDataTest);

}  // namespace
}  // namespace txng
