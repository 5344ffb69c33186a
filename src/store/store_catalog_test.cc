// Store tests for products, locations, lots and their review, run against
// both backends.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

constexpr char kCashewGtin[] = "08930001000018";
constexpr char kPepperGtin[] = "08930001000025";
constexpr char kFarmGln[] = "8930001000014";

class CatalogTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = MakeOrganisation("Công ty CP Điều Bình Phước", "3801000001");
    reviewer_ = MakeUser("dost.reviewer", Role::kReviewer);
  }

  AuditEntry LastAudit() {
    auto page = store_->ListAudit({}, {.limit = 500});
    EXPECT_TRUE(IsOk(page));
    return page.ok() && !page->items.empty() ? page->items.back() : AuditEntry{};
  }

  Location NewLocation(const std::string& gln, const std::string& extension = {}) {
    Location l;
    l.org_id = org_.id;
    l.gln = gln;
    l.gln_extension = extension;
    l.name = "Vườn điều ấp 3";
    l.kind = LocationKind::kFarm;
    l.district = "Bù Đăng";
    l.area_code = "VN-BP-0012";
    l.latitude = 11.8123456789;
    l.longitude = 106.9876543211;
    return l;
  }

  Lot NewLot(int64_t product_id, const std::string& code) {
    Lot l;
    l.org_id = org_.id;
    l.product_id = product_id;
    l.lot_code = code;
    l.production_date = "2026-03-01";
    l.expiry_date = "2027-03-01";
    l.quantity = 1250.5;
    l.unit = "KGM";
    return l;
  }

  Actor ReviewerActor() const {
    return Actor{.user_id = reviewer_.id, .label = "user:dost.reviewer", .remote_addr = "::1"};
  }

  Organisation org_;
  User reviewer_;
};

TXNG_INSTANTIATE_BACKENDS(CatalogTest);

TEST_P(CatalogTest, ProductRoundTripsVietnameseTextAndOptionalFields) {
  Product p = NewProduct(org_.id, kCashewGtin);
  p.brand = "Điều Vàng";
  p.description = "Hạt điều rang muối, đóng gói 500 g — sản phẩm OCOP 4 sao của tỉnh Bình Phước.";
  p.standards = "TCVN 12381:2018, TCCS 01:2024";
  p.shelf_life_days = 365;
  p.ocop_stars = 4;
  p.priority = "key";
  p.image_url = "/media/dieu.jpg";
  auto created = store_->CreateProduct(p, Admin());
  ASSERT_TRUE(IsOk(created));

  auto got = store_->GetProduct(created->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->org_id, org_.id);
  EXPECT_EQ(got->gtin, kCashewGtin);
  EXPECT_EQ(got->name_vi, "Hạt điều rang muối Đồng Xoài");
  EXPECT_EQ(got->name_en, "Roasted salted cashews");
  EXPECT_EQ(got->brand, "Điều Vàng");
  EXPECT_EQ(got->description, p.description);
  EXPECT_EQ(got->standards, p.standards);
  EXPECT_EQ(got->shelf_life_days, 365);
  EXPECT_EQ(got->ocop_stars, 4);
  EXPECT_EQ(got->priority, "key");
  EXPECT_EQ(got->image_url, "/media/dieu.jpg");
  EXPECT_EQ(got->review_status, ReviewStatus::kDraft);
  EXPECT_EQ(got->reviewed_by, std::nullopt);
  EXPECT_EQ(got->reviewed_at, std::nullopt);
  EXPECT_EQ(got->created_at, created->created_at);

  auto by_gtin = store_->GetProductByGtin(kCashewGtin);
  ASSERT_TRUE(IsOk(by_gtin));
  EXPECT_EQ(by_gtin->id, created->id);
  EXPECT_EQ(store_->GetProductByGtin(kPepperGtin).status().code(), StatusCode::kNotFound);
  auto missing = store_->GetProduct(42);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "product 42 not found");

  AuditEntry audit = LastAudit();
  EXPECT_EQ(audit.action, "product.create");
  EXPECT_EQ(audit.entity, "product");
  EXPECT_EQ(audit.entity_id, std::to_string(created->id));
  EXPECT_EQ(audit.detail, R"({"gtin":"08930001000018","name_vi":"Hạt điều rang muối Đồng Xoài"})");
}

TEST_P(CatalogTest, KeepsAGivenCreationTime) {
  Product p = NewProduct(org_.id, kCashewGtin);
  p.created_at = 1700000000000;
  auto created = store_->CreateProduct(p, Admin());
  ASSERT_TRUE(IsOk(created));
  EXPECT_EQ(store_->GetProduct(created->id)->created_at, 1700000000000);
}

TEST_P(CatalogTest, DuplicateGtinChangesNothing) {
  MakeProduct(org_.id, kCashewGtin);
  const int64_t products = CountRows("products");
  const int64_t audits = CountRows("audit_log");
  auto duplicate = store_->CreateProduct(NewProduct(org_.id, kCashewGtin), Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "gtin");
  EXPECT_EQ(duplicate.status().message(), "a product with GTIN 08930001000018 already exists");
  EXPECT_EQ(CountRows("products"), products);
  EXPECT_EQ(CountRows("audit_log"), audits);
}

TEST_P(CatalogTest, ProductOfAMissingOrganisationChangesNothing) {
  const int64_t audits = CountRows("audit_log");
  auto orphan = store_->CreateProduct(NewProduct(9999, kCashewGtin), Admin());
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(orphan.status().message(), "organisation 9999 not found");
  EXPECT_EQ(CountRows("products"), 0);
  EXPECT_EQ(CountRows("audit_log"), audits);
}

TEST_P(CatalogTest, SchemaRejectsOutOfRangeEnumerations) {
  Product p = NewProduct(org_.id, kCashewGtin);
  p.ocop_stars = 2;
  EXPECT_EQ(store_->CreateProduct(p, Admin()).status().code(), StatusCode::kInvalidArgument);
  p.ocop_stars = 0;
  p.priority = "important";
  EXPECT_EQ(store_->CreateProduct(p, Admin()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CountRows("products"), 0);
}

TEST_P(CatalogTest, UpdatesDescriptiveFieldsOnly) {
  Product created = MakeProduct(org_.id, kCashewGtin);
  Organisation other = MakeOrganisation("Other", "3801000002");
  Product changed = created;
  changed.brand = "Điều Đỏ";
  changed.shelf_life_days = 180;
  changed.org_id = other.id;                        // ignored
  changed.review_status = ReviewStatus::kApproved;  // ignored
  auto updated = store_->UpdateProduct(changed, Admin());
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->brand, "Điều Đỏ");
  EXPECT_EQ(updated->shelf_life_days, 180);
  EXPECT_EQ(updated->org_id, org_.id);
  EXPECT_EQ(updated->review_status, ReviewStatus::kDraft);
  AuditEntry audit = LastAudit();
  EXPECT_EQ(audit.action, "product.update");
  EXPECT_EQ(audit.detail, R"({"changed":["brand","shelf_life_days"]})");

  changed.shelf_life_days.reset();
  EXPECT_EQ(store_->UpdateProduct(changed, Admin())->shelf_life_days, std::nullopt);

  Product second = MakeProduct(org_.id, kPepperGtin);
  const int64_t audits = CountRows("audit_log");
  second.gtin = kCashewGtin;
  auto clash = store_->UpdateProduct(second, Admin());
  EXPECT_EQ(clash.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(clash.status().field(), "gtin");
  EXPECT_EQ(store_->GetProduct(second.id)->gtin, kPepperGtin);
  EXPECT_EQ(CountRows("audit_log"), audits);

  second.id = 4242;
  EXPECT_EQ(store_->UpdateProduct(second, Admin()).status().message(), "product 4242 not found");
}

TEST_P(CatalogTest, ListsProductsWithFiltersPagingAndTotal) {
  Organisation other = MakeOrganisation("Other", "3801000002");
  for (int i = 0; i < 12; ++i) {
    Product p = NewProduct(i < 8 ? org_.id : other.id, "0893000100" + std::to_string(1000 + i));
    p.category = i % 3 == 0 ? "pepper" : "cashew";
    auto created = store_->CreateProduct(p, Admin());
    ASSERT_TRUE(IsOk(created));
    if (i % 4 == 0) {
      ASSERT_TRUE(IsOk(store_->ReviewProduct(created->id, {.status = ReviewStatus::kApproved},
                                             ReviewerActor())));
    }
  }
  EXPECT_EQ(store_->ListProducts({}, {})->total, 12);
  EXPECT_EQ(store_->ListProducts({.org_id = org_.id}, {})->total, 8);
  EXPECT_EQ(store_->ListProducts({.category = "pepper"}, {})->total, 4);
  EXPECT_EQ(store_->ListProducts({.review_status = ReviewStatus::kApproved}, {})->total, 3);
  auto filtered = store_->ListProducts(
      {.org_id = org_.id, .review_status = ReviewStatus::kApproved, .category = "pepper"}, {});
  EXPECT_EQ(filtered->total, 1);  // i = 0
  auto page = store_->ListProducts({.org_id = org_.id}, {.limit = 3, .offset = 6});
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(page->total, 8);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].gtin, "08930001001006");
  EXPECT_LT(page->items[0].id, page->items[1].id);
}

TEST_P(CatalogTest, ReviewRecordsTheDecisionAndNeedsAReasonToReject) {
  Product p = MakeProduct(org_.id, kCashewGtin);

  auto submitted = store_->ReviewProduct(p.id, {.status = ReviewStatus::kPending}, Admin());
  ASSERT_TRUE(IsOk(submitted));
  EXPECT_EQ(submitted->review_status, ReviewStatus::kPending);
  EXPECT_EQ(submitted->reviewed_by, std::nullopt);
  EXPECT_EQ(LastAudit().action, "product.submit");

  const int64_t audits = CountRows("audit_log");
  auto no_reason =
      store_->ReviewProduct(p.id, {.status = ReviewStatus::kRejected}, ReviewerActor());
  EXPECT_EQ(no_reason.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_reason.status().field(), "reason");
  EXPECT_EQ(store_->GetProduct(p.id)->review_status, ReviewStatus::kPending);
  EXPECT_EQ(CountRows("audit_log"), audits);

  auto rejected = store_->ReviewProduct(
      p.id,
      {.status = ReviewStatus::kRejected, .reason = "Thiếu ảnh sản phẩm", .reviewer = reviewer_.id},
      ReviewerActor());
  ASSERT_TRUE(IsOk(rejected));
  EXPECT_EQ(rejected->review_status, ReviewStatus::kRejected);
  EXPECT_EQ(rejected->review_reason, "Thiếu ảnh sản phẩm");
  EXPECT_EQ(rejected->reviewed_by, reviewer_.id);
  ASSERT_TRUE(rejected->reviewed_at.has_value());
  EXPECT_GT(*rejected->reviewed_at, 0);
  AuditEntry audit = LastAudit();
  EXPECT_EQ(audit.action, "product.review");
  EXPECT_EQ(audit.user_id, reviewer_.id);
  EXPECT_EQ(audit.detail, R"({"status":"rejected","reason":"Thiếu ảnh sản phẩm"})");

  ASSERT_TRUE(IsOk(store_->ReviewProduct(p.id, {.status = ReviewStatus::kPending}, Admin())));
  auto approved = store_->ReviewProduct(
      p.id, {.status = ReviewStatus::kApproved, .reviewer = reviewer_.id}, ReviewerActor());
  ASSERT_TRUE(IsOk(approved));
  EXPECT_EQ(approved->review_status, ReviewStatus::kApproved);
  EXPECT_EQ(approved->review_reason, "");
  EXPECT_EQ(approved->reviewed_by, reviewer_.id);
  EXPECT_EQ(LastAudit().detail, R"({"status":"approved"})");

  auto missing = store_->ReviewProduct(777, {.status = ReviewStatus::kApproved}, ReviewerActor());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto ghost_reviewer = store_->ReviewProduct(
      p.id, {.status = ReviewStatus::kApproved, .reviewer = 555}, ReviewerActor());
  EXPECT_EQ(ghost_reviewer.status().code(), StatusCode::kFailedPrecondition);
}

TEST_P(CatalogTest, LocationsRoundTripAndAreUniqueByGlnAndExtension) {
  auto farm = store_->CreateLocation(NewLocation(kFarmGln), Admin());
  ASSERT_TRUE(IsOk(farm));
  auto got = store_->GetLocation(farm->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->gln, kFarmGln);
  EXPECT_EQ(got->gln_extension, "");
  EXPECT_EQ(got->name, "Vườn điều ấp 3");
  EXPECT_EQ(got->kind, LocationKind::kFarm);
  EXPECT_EQ(got->district, "Bù Đăng");
  EXPECT_EQ(got->area_code, "VN-BP-0012");
  EXPECT_EQ(got->latitude, 11.8123456789);
  EXPECT_EQ(got->longitude, 106.9876543211);
  EXPECT_EQ(LastAudit().action, "location.create");

  ASSERT_TRUE(IsOk(store_->CreateLocation(NewLocation(kFarmGln, "lo-2"), Admin())));
  const int64_t locations = CountRows("locations");
  const int64_t audits = CountRows("audit_log");
  auto duplicate = store_->CreateLocation(NewLocation(kFarmGln, "lo-2"), Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "gln");
  EXPECT_EQ(duplicate.status().message(),
            "a location with GLN 8930001000014 with extension lo-2 already exists");
  Location orphan = NewLocation("8930001000021");
  orphan.org_id = 5555;
  EXPECT_EQ(store_->CreateLocation(orphan, Admin()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows("locations"), locations);
  EXPECT_EQ(CountRows("audit_log"), audits);

  Location moved = *got;
  moved.kind = LocationKind::kWarehouse;
  moved.latitude.reset();
  auto updated = store_->UpdateLocation(moved, Admin());
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->kind, LocationKind::kWarehouse);
  EXPECT_EQ(updated->latitude, std::nullopt);
  EXPECT_EQ(LastAudit().detail, R"({"changed":["kind","latitude"]})");

  moved.gln_extension = "lo-2";
  EXPECT_EQ(store_->UpdateLocation(moved, Admin()).status().field(), "gln");
  EXPECT_EQ(store_->GetLocation(9).status().message(), "location 9 not found");
}

TEST_P(CatalogTest, ListsAndReviewsLocations) {
  const LocationKind kinds[] = {LocationKind::kFarm, LocationKind::kPackingHouse,
                                LocationKind::kFactory};
  for (int i = 0; i < 6; ++i) {
    Location l = NewLocation(kFarmGln, "e" + std::to_string(i));
    l.kind = kinds[i % 3];
    ASSERT_TRUE(IsOk(store_->CreateLocation(l, Admin())));
  }
  auto first = store_->ListLocations({}, {.limit = 1});
  ASSERT_TRUE(IsOk(first));
  EXPECT_EQ(first->total, 6);
  const int64_t id = first->items.at(0).id;
  auto approved = store_->ReviewLocation(
      id, {.status = ReviewStatus::kApproved, .reviewer = reviewer_.id}, ReviewerActor());
  ASSERT_TRUE(IsOk(approved));
  EXPECT_EQ(approved->review_status, ReviewStatus::kApproved);
  EXPECT_EQ(LastAudit().action, "location.review");

  EXPECT_EQ(store_->ListLocations({.org_id = org_.id}, {})->total, 6);
  EXPECT_EQ(store_->ListLocations({.org_id = org_.id + 1}, {})->total, 0);
  EXPECT_EQ(store_->ListLocations({.kind = LocationKind::kPackingHouse}, {})->total, 2);
  auto by_gln = store_->ListLocations({.gln = kFarmGln, .gln_extension = "e4"}, {});
  ASSERT_EQ(by_gln->items.size(), 1u);
  EXPECT_EQ(by_gln->items[0].gln_extension, "e4");
  EXPECT_EQ(store_->ListLocations({.gln = kFarmGln, .gln_extension = ""}, {})->total, 0);
  EXPECT_EQ(store_->ListLocations({.gln = "8930000000019"}, {})->total, 0);
  auto approved_farms = store_->ListLocations(
      {.review_status = ReviewStatus::kApproved, .kind = LocationKind::kFarm}, {});
  ASSERT_EQ(approved_farms->items.size(), 1u);
  EXPECT_EQ(approved_farms->items[0].id, id);
  EXPECT_EQ(store_->ReviewLocation(id, {.status = ReviewStatus::kRejected}, ReviewerActor())
                .status()
                .field(),
            "reason");
}

TEST_P(CatalogTest, LotsRoundTripAndAreUniquePerProduct) {
  Product cashew = MakeProduct(org_.id, kCashewGtin);
  Product pepper = MakeProduct(org_.id, kPepperGtin);
  auto farm = store_->CreateLocation(NewLocation(kFarmGln), Admin());
  ASSERT_TRUE(IsOk(farm));
  Lot l = NewLot(cashew.id, "L2026-001");
  l.location_id = farm->id;
  auto lot = store_->CreateLot(l, Admin());
  ASSERT_TRUE(IsOk(lot));
  EXPECT_EQ(LastAudit().action, "lot.create");
  EXPECT_EQ(LastAudit().detail,
            R"({"product_id":)" + std::to_string(cashew.id) + R"(,"lot_code":"L2026-001"})");

  auto got = store_->GetLot(lot->id);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->product_id, cashew.id);
  EXPECT_EQ(got->lot_code, "L2026-001");
  EXPECT_EQ(got->production_date, "2026-03-01");
  EXPECT_EQ(got->expiry_date, "2027-03-01");
  EXPECT_EQ(got->quantity, 1250.5);
  EXPECT_EQ(got->unit, "KGM");
  EXPECT_EQ(got->location_id, farm->id);
  auto by_code = store_->GetLotByCode(cashew.id, "L2026-001");
  ASSERT_TRUE(IsOk(by_code));
  EXPECT_EQ(by_code->id, lot->id);
  EXPECT_EQ(store_->GetLotByCode(pepper.id, "L2026-001").status().code(), StatusCode::kNotFound);

  // The same code under another product is another lot.
  ASSERT_TRUE(IsOk(store_->CreateLot(NewLot(pepper.id, "L2026-001"), Admin())));
  const int64_t lots = CountRows("lots");
  const int64_t audits = CountRows("audit_log");
  auto duplicate = store_->CreateLot(NewLot(cashew.id, "L2026-001"), Admin());
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.status().field(), "lot_code");
  Lot orphan = NewLot(cashew.id, "L2026-002");
  orphan.location_id = 8888;
  auto missing_location = store_->CreateLot(orphan, Admin());
  EXPECT_EQ(missing_location.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing_location.status().message().find("location 8888"), std::string::npos);
  EXPECT_EQ(store_->CreateLot(NewLot(31337, "L1"), Admin()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountRows("lots"), lots);
  EXPECT_EQ(CountRows("audit_log"), audits);

  Lot changed = *got;
  changed.quantity = 1000;
  changed.location_id.reset();
  auto updated = store_->UpdateLot(changed, Admin());
  ASSERT_TRUE(IsOk(updated));
  EXPECT_EQ(updated->quantity, 1000.0);
  EXPECT_EQ(updated->location_id, std::nullopt);
  EXPECT_EQ(LastAudit().detail, R"({"changed":["quantity","location_id"]})");
  changed.location_id = 8888;
  EXPECT_EQ(store_->UpdateLot(changed, Admin()).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->GetLot(lot->id)->location_id, std::nullopt);
  EXPECT_EQ(store_->GetLot(4711).status().message(), "lot 4711 not found");
}

TEST_P(CatalogTest, ListsAndReviewsLots) {
  Product cashew = MakeProduct(org_.id, kCashewGtin);
  Product pepper = MakeProduct(org_.id, kPepperGtin);
  for (int i = 0; i < 9; ++i) {
    ASSERT_TRUE(IsOk(store_->CreateLot(
        NewLot(i < 5 ? cashew.id : pepper.id, "L" + std::to_string(i)), Admin())));
  }
  auto cashew_lots = store_->ListLots({.product_id = cashew.id}, {.limit = 2, .offset = 4});
  ASSERT_TRUE(IsOk(cashew_lots));
  EXPECT_EQ(cashew_lots->total, 5);
  ASSERT_EQ(cashew_lots->items.size(), 1u);
  EXPECT_EQ(cashew_lots->items[0].lot_code, "L4");
  EXPECT_EQ(store_->ListLots({.org_id = org_.id}, {})->total, 9);

  const int64_t id = cashew_lots->items[0].id;
  auto rejected = store_->ReviewLot(
      id,
      {.status = ReviewStatus::kRejected, .reason = "Sai ngày sản xuất", .reviewer = reviewer_.id},
      ReviewerActor());
  ASSERT_TRUE(IsOk(rejected));
  EXPECT_EQ(rejected->review_reason, "Sai ngày sản xuất");
  EXPECT_EQ(LastAudit().action, "lot.review");
  EXPECT_EQ(store_->ListLots({.review_status = ReviewStatus::kRejected}, {})->total, 1);
  EXPECT_EQ(
      store_->ListLots({.product_id = pepper.id, .review_status = ReviewStatus::kRejected}, {})
          ->total,
      0);
  EXPECT_EQ(store_->ReviewLot(999, {.status = ReviewStatus::kApproved}, Admin()).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace txng
