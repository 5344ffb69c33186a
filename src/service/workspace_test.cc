#include "service/workspace.h"

#include <gtest/gtest.h>

#include "epcis/sha256.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

class WorkspaceServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    catalog_ = std::make_unique<CatalogService>(*store_);
    org_a_ = MakeOrganisation("HTX Điều Bù Đăng").id;
    org_b_ = MakeOrganisation("Công ty Tiêu Lộc Ninh").id;
    product_ = MakeProduct(org_a_, "08930001000018").id;
  }

  static Principal Producer(int64_t org) {
    Principal p;
    p.kind = Principal::Kind::kUser;
    p.role = Role::kProducer;
    p.org_id = org;
    p.name = "producer";
    return p;
  }

  static std::string Jpeg(int width, int height) {
    image::Bitmap bm;
    bm.width = width;
    bm.height = height;
    bm.rgb.assign(static_cast<size_t>(width) * height * 3, 200);
    return *image::EncodeJpeg(bm);
  }

  std::unique_ptr<CatalogService> catalog_;
  int64_t org_a_ = 0, org_b_ = 0, product_ = 0;
};

TEST_P(WorkspaceServiceTest, OnlyProducersHaveAnOwnOrganisation) {
  EXPECT_EQ(GetOwnOrganisation(*store_, Producer(org_a_))->name, "HTX Điều Bù Đăng");
  Principal reviewer;
  reviewer.kind = Principal::Kind::kUser;
  reviewer.role = Role::kReviewer;
  for (const Principal& p : {reviewer, Principal::Anonymous("x")}) {
    auto r = GetOwnOrganisation(*store_, p);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(r.status().message(), "only a member of a producing organisation has a workspace");
  }
}

TEST_P(WorkspaceServiceTest, ProfileEditsFollowTheReviewRules) {
  const Principal a = Producer(org_a_);
  ProfileFields f;
  f.email = "htx@budang.vn";
  f.phone = "+84 271 3888 888";
  f.tax_code = "3801234567-001";
  auto saved = UpdateOwnOrganisation(*store_, a, f);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(saved->email, "htx@budang.vn");
  EXPECT_EQ(saved->name, "HTX Điều Bù Đăng");  // absent fields keep their value

  struct Bad {
    ProfileFields f;
    std::string field;
  };
  std::vector<Bad> bad(4);
  bad[0].f.name = " ";
  bad[0].field = "name";
  bad[1].f.tax_code = "380123456";
  bad[1].field = "taxCode";
  bad[2].f.phone = "call me";
  bad[2].field = "phone";
  bad[3].f.email = "a@b";
  bad[3].field = "email";
  const int64_t audit = CountRows("audit_log");
  for (const Bad& b : bad) {
    auto r = UpdateOwnOrganisation(*store_, a, b.f);
    ASSERT_FALSE(r.ok()) << b.field;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().field(), b.field);
  }
  EXPECT_EQ(CountRows("audit_log"), audit);

  auto submitted = SubmitOwnOrganisation(*store_, a);
  ASSERT_TRUE(submitted.ok());
  EXPECT_EQ(submitted->review_status, ReviewStatus::kPending);
  auto again = SubmitOwnOrganisation(*store_, a);
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().message(),
            "the profile is already pending; only a draft or rejected profile can be submitted");
  auto locked = UpdateOwnOrganisation(*store_, a, f);
  EXPECT_EQ(locked.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(locked.status().message(),
            "the profile is waiting for review and cannot be changed until the reviewer decides");
}

TEST_P(WorkspaceServiceTest, ProductImagesAreThumbnailedStoredAndLinked) {
  const std::string upload = Jpeg(1000, 500);
  auto image = SetProductImage(*store_, *catalog_, Producer(org_a_), product_, upload);
  ASSERT_TRUE(image.ok()) << image.status().message();
  EXPECT_EQ(image->org_id, org_a_);
  EXPECT_EQ(image->sha256, epcis::Sha256Hex(upload));
  EXPECT_EQ(image->width, 1000);
  EXPECT_EQ(image->height, 500);
  auto stored = store_->GetImage(image->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->small.width, kSmallImageWidth);
  EXPECT_EQ(stored->small.height, 80);
  EXPECT_EQ(stored->large.width, kLargeImageWidth);
  EXPECT_EQ(stored->large.height, 320);
  // The bytes come back exactly (base64 in the database).
  EXPECT_EQ(stored->small.jpeg, image->small.jpeg);
  EXPECT_EQ(stored->large.jpeg, image->large.jpeg);
  EXPECT_EQ(image::Decode(stored->large.jpeg)->width, kLargeImageWidth);
  EXPECT_EQ(store_->GetProduct(product_)->image_url, MediaPath(image->id, "large"));
  EXPECT_EQ(MediaPath(image->id, "small"), "/media/" + std::to_string(image->id) + "/small.jpg");
}

TEST_P(WorkspaceServiceTest, RefusedImagesStoreNothing) {
  const Principal a = Producer(org_a_);
  const int64_t images = CountRows("images");
  const int64_t audit = CountRows("audit_log");
  ImageOptions small;
  small.max_bytes = 100;
  auto too_big = SetProductImage(*store_, *catalog_, a, product_, Jpeg(64, 64), small);
  EXPECT_EQ(too_big.status().code(), StatusCode::kPayloadTooLarge);
  auto empty = SetProductImage(*store_, *catalog_, a, product_, "");
  EXPECT_EQ(empty.status().message(), "choose a picture to upload");
  auto text = SetProductImage(*store_, *catalog_, a, product_, "hello, world");
  EXPECT_EQ(text.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(text.status().field(), "image");
  ImageOptions tight;
  tight.limits.max_side = 100;
  auto bomb = SetProductImage(*store_, *catalog_, a, product_, Jpeg(200, 10), tight);
  EXPECT_EQ(bomb.status().code(), StatusCode::kInvalidArgument);
  // Another organisation's product does not exist for this caller.
  auto theirs = SetProductImage(*store_, *catalog_, Producer(org_b_), product_, Jpeg(8, 8));
  EXPECT_EQ(theirs.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(CountRows("images"), images);
  EXPECT_EQ(CountRows("audit_log"), audit);
  EXPECT_EQ(store_->GetProduct(product_)->image_url, "");
}

TXNG_INSTANTIATE_BACKENDS(WorkspaceServiceTest);

}  // namespace
}  // namespace txng
