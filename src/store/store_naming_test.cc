#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace txng {
namespace {

class NamingTest : public StoreTest {
 protected:
  Location MakeLocation(int64_t org, const std::string& gln, const std::string& extension,
                        const std::string& name) {
    Location l;
    l.org_id = org;
    l.gln = gln;
    l.gln_extension = extension;
    l.name = name;
    l.kind = LocationKind::kFarm;
    auto created = store_->CreateLocation(l, Admin());
    EXPECT_TRUE(IsOk(created));
    return created.ok() ? *created : Location{};
  }

  Lot MakeLot(const Product& p, const std::string& code) {
    Lot l;
    l.org_id = p.org_id;
    l.product_id = p.id;
    l.lot_code = code;
    auto created = store_->CreateLot(l, Admin());
    EXPECT_TRUE(IsOk(created));
    return created.ok() ? *created : Lot{};
  }

  template <typename T>
  static std::vector<int64_t> Ids(const std::vector<T>& records) {
    std::vector<int64_t> ids;
    for (const T& r : records) ids.push_back(r.id);
    return ids;
  }
};

TEST_P(NamingTest, ReadsExactlyTheRecordsTheKeysName) {
  Organisation party = NewOrganisation("HTX Điều Bù Đăng");
  party.gln = "8930001000025";
  auto with_gln = store_->CreateOrganisation(party, Admin());
  ASSERT_TRUE(IsOk(with_gln));
  const int64_t grower = MakeOrganisation("Nông trại A").id;
  const int64_t packer = MakeOrganisation("Xưởng B").id;
  const int64_t stranger = MakeOrganisation("Công ty C").id;

  const Product cashew = MakeProduct(grower, "08930001000018");
  const Product pepper = MakeProduct(packer, "08930001000094");
  const Lot asked = MakeLot(cashew, "L1");
  MakeLot(cashew, "L2");  // same product, code not asked for
  MakeLot(pepper, "L1");  // same code, product not asked for with it
  const Location farm = MakeLocation(packer, "8930001000032", "", "Vườn tiêu");
  const Location plot = MakeLocation(packer, "8930001000032", "plot7", "Lô 7");
  MakeLocation(stranger, "8930001000032", "plot8", "Lô 8");  // extension not asked for

  CaptureContext ctx;
  ctx.org_id = stranger;
  epcis::VocabularyElement site;
  site.type = epcis::vtype::kBusinessLocation;
  site.id = "https://id.gs1.org/414/8930001000049";
  site.attributes = {{"urn:epcglobal:cbv:mda:name", "\"Kho Chơn Thành\""}};
  site.children = {"https://id.gs1.org/414/8930001000049/254/b",
                   "https://id.gs1.org/414/8930001000049/254/a"};
  ctx.master_data = {site};
  ASSERT_TRUE(IsOk(store_->CaptureEvents({}, ctx, Admin())));

  NamingKeys keys;
  keys.gtins = {cashew.gtin, pepper.gtin, "08930001000100"};
  keys.lots = {{cashew.gtin, "L1"}, {cashew.gtin, "L9"}, {"08930001000100", "L1"}};
  keys.places = {{"8930001000032", ""}, {"8930001000032", "plot7"}, {"8930001000056", ""}};
  keys.party_glns = {"8930001000025", "8930001000063"};
  keys.element_ids = {site.id, "https://id.gs1.org/414/8930001000070"};
  auto found = store_->ReadNamingRecords(keys);
  ASSERT_TRUE(IsOk(found));

  EXPECT_EQ(Ids(found->products), (std::vector<int64_t>{cashew.id, pepper.id}));
  EXPECT_EQ(Ids(found->lots), (std::vector<int64_t>{asked.id}));
  EXPECT_EQ(Ids(found->locations), (std::vector<int64_t>{farm.id, plot.id}));
  // The GLN's organisation, the owners of the products, lots and places,
  // and the organisation whose master data was found.
  EXPECT_EQ(Ids(found->organisations),
            (std::vector<int64_t>{with_gln->id, grower, packer, stranger}));
  ASSERT_EQ(found->master_data.size(), 1u);
  EXPECT_EQ(found->master_data[0].org_id, stranger);
  EXPECT_EQ(found->master_data[0].element.attributes, site.attributes);
  EXPECT_EQ(found->master_data[0].element.children,
            (std::vector<std::string>{site.children[1], site.children[0]}));
}

TEST_P(NamingTest, ReadsMoreKeysThanOneStatementHolds) {
  const int64_t org = MakeOrganisation("HTX Điều").id;
  NamingKeys keys;
  std::vector<int64_t> made;
  for (int i = 0; i < 300; ++i) {
    std::string gtin = "0893000" + std::to_string(1000000 + i).substr(1) + "0";
    // Completes the check digit (GTIN-14, mod 10 over weights 3,1,...).
    int sum = 0;
    for (size_t k = 0; k < 13; ++k) sum += (gtin[k] - '0') * (k % 2 == 0 ? 3 : 1);
    gtin[13] = static_cast<char>('0' + (10 - sum % 10) % 10);
    if (i % 3 == 0) made.push_back(MakeProduct(org, gtin).id);
    keys.gtins.insert(gtin);
  }
  auto found = store_->ReadNamingRecords(keys);
  ASSERT_TRUE(IsOk(found));
  EXPECT_EQ(Ids(found->products), made);
  EXPECT_EQ(Ids(found->organisations), (std::vector<int64_t>{org}));
}

TEST_P(NamingTest, NoKeysReadNothing) {
  MakeProduct(MakeOrganisation("HTX Điều").id, "08930001000018");
  auto found = store_->ReadNamingRecords({});
  ASSERT_TRUE(IsOk(found));
  EXPECT_TRUE(found->products.empty());
  EXPECT_TRUE(found->organisations.empty());
  EXPECT_TRUE(found->master_data.empty());
}

TXNG_INSTANTIATE_BACKENDS(NamingTest);

}  // namespace
}  // namespace txng
