// The producer workspace pages (handlers/workspace_pages.cc) over HTTP, on
// both backends: who may enter, CSRF on every form, escaping, validation
// messages that change nothing, photo uploads, other organisations' records,
// label sheets, API keys and the submissions list.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "image/image.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

class WorkspaceTest : public AppTest {
 protected:
  // A form POST as a browser sends it, with the session's CSRF token unless
  // `with_csrf` is false.
  test::HttpResponse Post(const Caller& who, const std::string& target, Fields fields,
                          bool with_csrf = true) {
    if (with_csrf) fields.emplace_back("csrf_token", who.csrf);
    std::string body;
    for (const auto& [k, v] : fields) {
      body += (body.empty() ? "" : "&") + http::PercentEncode(k) + "=" + http::PercentEncode(v);
    }
    return client_->Request(
        "POST", target, body,
        {{"Cookie", who.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }

  test::HttpResponse Upload(const Caller& who, const std::string& target, const std::string& file,
                            const std::string& filename, const std::string& type,
                            bool with_csrf = true) {
    const std::string b = "----txngtestboundary";
    std::string body;
    if (with_csrf) {
      body += "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
              who.csrf + "\r\n";
    }
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" +
            filename + "\"\r\nContent-Type: " + type + "\r\n\r\n" + file + "\r\n--" + b + "--\r\n";
    return client_->Request(
        "POST", target, body,
        {{"Cookie", who.cookie}, {"Content-Type", "multipart/form-data; boundary=" + b}});
  }

  test::HttpResponse Get(const Caller& who, const std::string& target) {
    return client_->Get(target, {{"Cookie", who.cookie}});
  }

  // The id at the end of a redirect's Location ("/workspace/products/7?done=…").
  static int64_t RedirectId(const test::HttpResponse& r) {
    std::string loc = r.Header("location").value_or("");
    loc = loc.substr(0, loc.find('?'));
    return std::stoll(loc.substr(loc.rfind('/') + 1));
  }

  // A product of organisation A made through the form; its id.
  int64_t CreateProduct(const Caller& a, const std::string& name = "Hạt điều rang muối") {
    const nlohmann::json p = NewProduct(name);
    auto r = Post(a, "/workspace/products",
                  {{"gtin", p["gtin"]},
                   {"nameVi", name},
                   {"category", "cashew"},
                   {"ocopStars", "4"},
                   {"shelfLifeDays", "365"}});
    EXPECT_EQ(r.status, 303) << r.body;
    return RedirectId(r);
  }

  // A product of organisation B, submitted (pending), made through the store.
  int64_t PendingProductOfB() {
    Product p;
    p.org_id = org_b_;
    p.gtin = "08930002000017";
    p.name_vi = "Tiêu đen Lộc Ninh";
    auto made = store_->CreateProduct(p, Actor::System("system:test"));
    EXPECT_TRUE(made.ok());
    ReviewDecision d;
    d.status = ReviewStatus::kPending;
    EXPECT_TRUE(store_->ReviewProduct(made->id, d, Actor::System("system:test")).ok());
    return made->id;
  }

  // A smooth gradient, so that even large pictures stay far below the test
  // server's 64 KiB body limit.
  static std::string Jpeg(int width, int height) {
    image::Bitmap bm;
    bm.width = width;
    bm.height = height;
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        bm.rgb.insert(bm.rgb.end(), {static_cast<uint8_t>(x * 255 / width),
                                     static_cast<uint8_t>(y * 255 / height), 40});
      }
    }
    return *image::EncodeJpeg(bm);
  }

  static bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
  }
};

TEST_P(WorkspaceTest, VisitorsSignInFirstAndUsersWithoutAnOrganisationAreRefused) {
  auto visitor = client_->Get("/workspace/products");
  EXPECT_EQ(visitor.status, 303);
  EXPECT_EQ(visitor.Header("location"), "/login?next=%2Fworkspace%2Fproducts");
  for (const char* who : {"reviewer", "admin", "officer"}) {
    auto r = Get(Login(who), "/workspace");
    EXPECT_EQ(r.status, 403) << who;
    EXPECT_TRUE(Contains(r.body, "Khu làm việc dành cho thành viên")) << who;
  }
  const Caller a = Login("producer_a");
  for (const char* page : {"/workspace", "/workspace/profile", "/workspace/products",
                           "/workspace/products/new", "/workspace/locations",
                           "/workspace/locations/new", "/workspace/lots", "/workspace/lots/new",
                           "/workspace/labels", "/workspace/apikeys", "/workspace/submissions"}) {
    auto r = Get(a, page);
    EXPECT_EQ(r.status, 200) << page << r.body;
    EXPECT_TRUE(Contains(r.body, "href=\"/workspace/diary\"")) << page;
    EXPECT_TRUE(Contains(r.body, "href=\"/workspace/import\"")) << page;
  }
  // The dashboard leads producers into the workspace.
  EXPECT_TRUE(Contains(Get(a, "/dashboard").body, "href=\"/workspace\""));
}

TEST_P(WorkspaceTest, EveryFormNeedsTheCsrfTokenAndChangesNothingWithoutIt) {
  const Caller a = Login("producer_a");
  const int64_t product = CreateProduct(a);
  auto lot =
      Post(a, "/workspace/lots", {{"productId", std::to_string(product)}, {"lotCode", "L1"}});
  ASSERT_EQ(lot.status, 303) << lot.body;
  const std::string p = "/workspace/products/" + std::to_string(product);
  const std::string l = "/workspace/lots/" + std::to_string(RedirectId(lot));
  const Snapshot before = Counts();
  for (const std::string& target :
       {std::string("/workspace/profile"), std::string("/workspace/profile/submit"),
        std::string("/workspace/products"), p, p + "/submit", std::string("/workspace/locations"),
        std::string("/workspace/lots"), l, l + "/submit", std::string("/workspace/apikeys"),
        std::string("/workspace/apikeys/abc/revoke")}) {
    auto r = Post(a, target, {{"nameVi", "x"}, {"label", "x"}, {"name", "x"}}, false);
    EXPECT_EQ(r.status, 403) << target;
  }
  auto upload = Upload(a, p + "/image", Jpeg(8, 8), "a.jpg", "image/jpeg", false);
  EXPECT_EQ(upload.status, 403);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(store_->GetImage(1).status().code(), StatusCode::kNotFound)
      << store_->GetImage(1).status().message();
}

TEST_P(WorkspaceTest, TypedHtmlIsShownEscaped) {
  const Caller a = Login("producer_a");
  const int64_t id = CreateProduct(a, "<script>alert('x')</script>");
  for (const std::string& page :
       {std::string("/workspace/products"), "/workspace/products/" + std::to_string(id),
        std::string("/workspace/submissions")}) {
    auto r = Get(a, page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_FALSE(Contains(r.body, "<script>alert")) << page;
    EXPECT_TRUE(Contains(r.body, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;")) << page;
  }
  // An invalid form echoes the typed value, escaped too.
  auto bad = Post(a, "/workspace/locations", {{"name", "<b>Vườn</b>"}, {"gln", "123"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_FALSE(Contains(bad.body, "<b>Vườn</b>"));
  EXPECT_TRUE(Contains(bad.body, "value=\"&lt;b&gt;Vườn&lt;/b&gt;\""));
}

TEST_P(WorkspaceTest, ProductFormSavesEveryFieldAndExplainsWhatIsWrong) {
  const Caller a = Login("producer_a");
  const nlohmann::json p = NewProduct();
  auto made = Post(a, "/workspace/products",
                   {{"gtin", p["gtin"]},
                    {"nameVi", "Mật ong rừng"},
                    {"nameEn", "Wild honey"},
                    {"category", "honey"},
                    {"brand", "Ong Vàng"},
                    {"description", "Mật ong hoa cà phê"},
                    {"standards", "TCVN 12605:2019"},
                    {"shelfLifeDays", "730"},
                    {"ocopStars", "3"},
                    {"priority", "distinctive"}});
  ASSERT_EQ(made.status, 303) << made.body;
  const int64_t id = RedirectId(made);
  auto saved = store_->GetProduct(id);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->org_id, org_a_);
  EXPECT_EQ(saved->name_en, "Wild honey");
  EXPECT_EQ(saved->brand, "Ong Vàng");
  EXPECT_EQ(saved->standards, "TCVN 12605:2019");
  EXPECT_EQ(saved->shelf_life_days, 730);
  EXPECT_EQ(saved->ocop_stars, 3);
  EXPECT_EQ(saved->priority, "distinctive");
  EXPECT_EQ(saved->review_status, ReviewStatus::kDraft);

  const Snapshot before = Counts();
  struct Case {
    Fields fields;
    std::string message;
    std::string field;
  };
  const std::vector<Case> cases = {
      // The service's rule comes after what to fix, in Vietnamese.
      {{{"gtin", "12345"}, {"nameVi", "x"}},
       "Kiểm tra lại mã GTIN: 8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra, và chưa "
       "dùng cho sản phẩm khác (GTIN must be 8, 12, 13 or 14 digits with a valid GS1 check "
       "digit)",
       "gtin"},
      {{{"gtin", p["gtin"]}, {"nameVi", ""}},
       "Nhập tên sản phẩm bằng tiếng Việt, tối đa 200 ký tự (nameVi is required)",
       "nameVi"},
      // The form's own checks are in Vietnamese already.
      {{{"gtin", p["gtin"]}, {"nameVi", "x"}, {"shelfLifeDays", "abc"}},
       "hạn sử dụng phải là số ngày nguyên",
       "shelfLifeDays"},
      {{{"gtin", p["gtin"]}, {"nameVi", "x"}, {"ocopStars", "2"}},
       "Chọn hạng OCOP 3, 4 hoặc 5 sao, hoặc để chưa xếp hạng (OCOP stars must be 3, 4 or 5 "
       "(or 0 when not rated))",
       "ocopStars"},
      {{{"gtin", p["gtin"]}, {"nameVi", "x"}, {"priority", "best"}},
       "Chọn mức ưu tiên trong danh sách (priority must be &apos;key&apos;, "
       "&apos;distinctive&apos; or &apos;potential&apos;)",
       "priority"},
  };
  for (const Case& c : cases) {
    auto r = Post(a, "/workspace/products/" + std::to_string(id), c.fields);
    EXPECT_EQ(r.status, 400) << c.message;
    EXPECT_TRUE(Contains(r.body, "Chưa lưu được: " + c.message)) << r.body;
    EXPECT_TRUE(Contains(r.body, "name=\"" + c.field + "\"")) << c.field;
    EXPECT_TRUE(Contains(r.body, "aria-invalid=\"true\"")) << c.field;
  }
  // Creating with a GTIN that exists already.
  auto dup = Post(a, "/workspace/products", {{"gtin", p["gtin"]}, {"nameVi", "Bản sao"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(Contains(dup.body, "Chưa lưu được:"));
  EXPECT_TRUE(Contains(dup.body, "Kiểm tra lại mã GTIN"));
  EXPECT_TRUE(Contains(dup.body, "already exists"));
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(store_->GetProduct(id)->name_vi, "Mật ong rừng");
}

TEST_P(WorkspaceTest, PhotosAreCheckedByContentResizedAndServedForGood) {
  const Caller a = Login("producer_a");
  const int64_t id = CreateProduct(a);
  const std::string target = "/workspace/products/" + std::to_string(id) + "/image";

  // Not an image, whatever the name and declared type say.
  const Snapshot before = Counts();
  auto fake = Upload(a, target, "<script>alert(1)</script>", "photo.jpg", "image/jpeg");
  EXPECT_EQ(fake.status, 400);
  EXPECT_TRUE(Contains(fake.body, "Không nhận ảnh này"));
  EXPECT_TRUE(Contains(fake.body, "the file is not a JPEG or PNG image"));
  // A truncated JPEG.
  const std::string jpeg = Jpeg(800, 600);
  auto cut = Upload(a, target, jpeg.substr(0, jpeg.size() / 2), "cut.jpg", "image/jpeg");
  EXPECT_EQ(cut.status, 400);
  EXPECT_TRUE(Contains(cut.body, "the JPEG file is truncated or damaged"));
  // Too large for the configured limit.
  ctx_->site.max_image_bytes = 1024;
  auto big = Upload(a, target, jpeg, "big.jpg", "image/jpeg");
  EXPECT_EQ(big.status, 413);
  EXPECT_TRUE(Contains(big.body, "Ảnh quá lớn."));
  EXPECT_TRUE(Contains(big.body, "at most 1 KiB are accepted"));
  ctx_->site.max_image_bytes = 5 * 1024 * 1024;
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(store_->GetImage(1).status().code(), StatusCode::kNotFound)
      << store_->GetImage(1).status().message();
  EXPECT_EQ(store_->GetProduct(id)->image_url, "");

  // A real picture, named as if it were anything else.
  auto ok = Upload(a, target, jpeg, "photo.txt", "text/plain");
  ASSERT_EQ(ok.status, 303) << ok.body;
  const std::string url = store_->GetProduct(id)->image_url;
  ASSERT_TRUE(url.starts_with("/media/")) << url;
  EXPECT_TRUE(url.ends_with("/large.jpg"));
  auto page = Get(a, "/workspace/products/" + std::to_string(id));
  EXPECT_TRUE(Contains(page.body, "src=\"" + url + "\" width=\"640\" height=\"480\""));

  // A draft's photo is the organisation's (and the authority's) to see.
  auto large = Get(a, url);
  ASSERT_EQ(large.status, 200);
  EXPECT_EQ(large.Header("content-type"), "image/jpeg");
  EXPECT_EQ(large.Header("cache-control"), "private, max-age=31536000, immutable");
  auto large_px = image::Decode(large.body);
  ASSERT_TRUE(large_px.ok());
  EXPECT_EQ(large_px->width, 640);
  EXPECT_EQ(large_px->height, 480);
  const std::string small_url = url.substr(0, url.rfind('/')) + "/small.jpg";
  auto small_px = image::Decode(Get(a, small_url).body);
  ASSERT_TRUE(small_px.ok());
  EXPECT_EQ(small_px->width, 160);
  EXPECT_EQ(small_px->height, 120);
  EXPECT_EQ(Get(a, url.substr(0, url.rfind('/')) + "/huge.jpg").status, 404);
  EXPECT_EQ(Get(a, "/media/999/large.jpg").status, 404);
  EXPECT_EQ(Get(Login("reviewer"), url).status, 200);
  // Visitors and other organisations do not see it, and cannot tell it
  // from a missing picture.
  EXPECT_EQ(client_->Get(url).status, 404);
  EXPECT_EQ(client_->Get(small_url).body, client_->Get("/media/999/small.jpg").body);
  EXPECT_EQ(Get(Login("producer_b"), url).status, 404);

  // Once submitted, the photo is locked like every other field.
  ASSERT_EQ(Post(a, "/workspace/products/" + std::to_string(id) + "/submit", {}).status, 303);
  auto locked = Upload(a, target, jpeg, "again.jpg", "image/jpeg");
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(client_->Get(url).status, 404);

  // Published with its approved product: anyone's, and every cache's.
  ReviewDecision approve;
  approve.status = ReviewStatus::kApproved;
  ASSERT_TRUE(store_->ReviewProduct(id, approve, Actor::System("system:test")).ok());
  auto published = client_->Get(url);
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(published.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(published.body, large.body);
}

TEST_P(WorkspaceTest, OtherOrganisationsRecordsAreNotFound) {
  const int64_t theirs = PendingProductOfB();
  Location l;
  l.org_id = org_b_;
  l.gln = "8930002000000";
  l.name = "Kho Lộc Ninh";
  auto loc = store_->CreateLocation(l, Actor::System("system:test"));
  ASSERT_TRUE(loc.ok());
  Lot lot;
  lot.org_id = org_b_;
  lot.product_id = theirs;
  lot.lot_code = "B1";
  auto their_lot = store_->CreateLot(lot, Actor::System("system:test"));
  ASSERT_TRUE(their_lot.ok());

  const Caller a = Login("producer_a");
  const Snapshot before = Counts();
  const std::string p = "/workspace/products/" + std::to_string(theirs);
  const std::string lo = "/workspace/locations/" + std::to_string(loc->id);
  const std::string lt = "/workspace/lots/" + std::to_string(their_lot->id);
  for (const std::string& page : {p, lo, lt, lt + "/labels", lt + "/labels.pdf"}) {
    auto r = Get(a, page);
    EXPECT_EQ(r.status, 404) << page;
    EXPECT_FALSE(Contains(r.body, "Tiêu đen Lộc Ninh")) << page;
  }
  for (const std::string& target : {p, p + "/submit", lo, lo + "/submit", lt, lt + "/submit"}) {
    EXPECT_EQ(Post(a, target, {{"nameVi", "x"}, {"name", "x"}, {"lotCode", "x"}}).status, 404)
        << target;
  }
  EXPECT_EQ(Upload(a, p + "/image", Jpeg(8, 8), "a.jpg", "image/jpeg").status, 404);
  EXPECT_EQ(Counts(), before);
  // Ids that are not numbers at all.
  EXPECT_EQ(Get(a, "/workspace/products/abc").status, 404);
}

TEST_P(WorkspaceTest, LocationsAndLotsWithTheirPickersAndChecks) {
  const Caller a = Login("producer_a");
  const Snapshot start = Counts();
  auto bad_gln = Post(a, "/workspace/locations",
                      {{"name", "Vườn điều"}, {"kind", "growing_area"}, {"gln", "8930001000019"}});
  EXPECT_EQ(bad_gln.status, 400);
  // What to fix in Vietnamese, then the rule as the API states it.
  EXPECT_TRUE(Contains(bad_gln.body,
                       "Kiểm tra lại mã GLN: 13 chữ số, chữ số cuối là số kiểm tra, và chưa dùng "
                       "cho địa điểm khác (GLN must be 13 digits with a valid GS1 check digit)"));
  auto half_coords = Post(a, "/workspace/locations",
                          {{"name", "Vườn điều"}, {"gln", "8930001000018"}, {"latitude", "11.5"}});
  EXPECT_EQ(half_coords.status, 400);
  EXPECT_TRUE(Contains(half_coords.body, "cần nhập cả vĩ độ và kinh độ, hoặc để trống cả hai"));
  EXPECT_EQ(Counts(), start);

  auto made = Post(a, "/workspace/locations",
                   {{"name", "Vùng trồng điều Phú Riềng"},
                    {"kind", "growing_area"},
                    {"gln", "8930001000018"},
                    {"glnExtension", "A1"},
                    {"areaCode", "VN-BPTR-0012"},
                    {"latitude", "11,7123"},
                    {"longitude", "106.9"}});
  ASSERT_EQ(made.status, 303) << made.body;
  const int64_t location = RedirectId(made);
  auto l = store_->GetLocation(location);
  EXPECT_EQ(l->kind, LocationKind::kGrowingArea);
  EXPECT_EQ(l->area_code, "VN-BPTR-0012");
  EXPECT_EQ(l->gln_extension, "A1");
  EXPECT_DOUBLE_EQ(*l->latitude, 11.7123);

  const int64_t product = CreateProduct(a);
  auto form = Get(a, "/workspace/lots/new");
  EXPECT_TRUE(Contains(form.body, "<option value=\"" + std::to_string(product) + "\""));
  EXPECT_TRUE(Contains(form.body, "<option value=\"" + std::to_string(location) + "\""));

  const Snapshot before = Counts();
  auto backwards = Post(a, "/workspace/lots",
                        {{"productId", std::to_string(product)},
                         {"lotCode", "L2503"},
                         {"productionDate", "2025-03-10"},
                         {"expiryDate", "2025-03-01"}});
  EXPECT_EQ(backwards.status, 400);
  EXPECT_TRUE(Contains(backwards.body, "expiry date is before the production date"));
  auto no_product = Post(a, "/workspace/lots", {{"lotCode", "L2503"}});
  EXPECT_EQ(no_product.status, 400);
  EXPECT_TRUE(Contains(no_product.body, "hãy chọn sản phẩm của lô"));
  auto no_unit =
      Post(a, "/workspace/lots",
           {{"productId", std::to_string(product)}, {"lotCode", "L2503"}, {"quantity", "12,5"}});
  EXPECT_EQ(no_unit.status, 400);
  EXPECT_TRUE(Contains(no_unit.body, "a quantity needs its unit"));
  const int64_t theirs = PendingProductOfB();
  auto foreign_product =
      Post(a, "/workspace/lots", {{"productId", std::to_string(theirs)}, {"lotCode", "L2503"}});
  EXPECT_EQ(foreign_product.status, 400);
  EXPECT_TRUE(Contains(foreign_product.body, "product " + std::to_string(theirs) +
                                                 " is not a product of this organisation"));
  EXPECT_EQ(Counts().lots, before.lots);

  auto lot = Post(a, "/workspace/lots",
                  {{"productId", std::to_string(product)},
                   {"lotCode", "L2503"},
                   {"productionDate", "2025-03-01"},
                   {"expiryDate", "2026-03-01"},
                   {"quantity", "12,5"},
                   {"unit", "KGM"},
                   {"locationId", std::to_string(location)}});
  ASSERT_EQ(lot.status, 303) << lot.body;
  const int64_t lot_id = RedirectId(lot);
  auto saved = store_->GetLot(lot_id);
  EXPECT_EQ(saved->quantity, 12.5);
  EXPECT_EQ(saved->location_id, location);

  // The label sheet: a PDF download, and the form again when the options are wrong.
  const std::string labels = "/workspace/lots/" + std::to_string(lot_id) + "/labels";
  EXPECT_EQ(Get(a, labels).status, 200);
  auto pdf = Get(a, labels + ".pdf?columns=2&rows=4&copies=3&lang=en");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.Header("content-disposition"),
            "attachment; filename=\"labels-" + std::to_string(lot_id) + ".pdf\"");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  auto too_many = Get(a, labels + ".pdf?columns=9");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_TRUE(Contains(too_many.body, "Chưa lưu được:"));
  EXPECT_TRUE(Contains(too_many.body, "value=\"9\""));
  auto half_serials = Get(a, labels + ".pdf?serialFrom=0001");
  EXPECT_EQ(half_serials.status, 400);
  EXPECT_TRUE(Contains(half_serials.body, "cần nhập cả số sê-ri đầu tiên và số lượng sê-ri"));
}

TEST_P(WorkspaceTest, ApiKeysShowTheirSecretOnceAndCanBeRevoked) {
  const Caller a = Login("producer_a");
  const Snapshot before = Counts();
  auto unnamed = Post(a, "/workspace/apikeys", {{"label", ""}});
  EXPECT_EQ(unnamed.status, 400);
  EXPECT_TRUE(Contains(unnamed.body, "hãy đặt tên gợi nhớ cho khóa"));
  EXPECT_EQ(Counts(), before);

  auto made = Post(a, "/workspace/apikeys", {{"label", "Phần mềm kho"}});
  ASSERT_EQ(made.status, 201);
  auto keys = store_->ListApiKeys(org_a_);
  ASSERT_EQ(keys->size(), 1u);
  const std::string key_id = keys->front().key_id;
  const size_t at = made.body.find("value=\"txng_" + key_id + "_");
  ASSERT_NE(at, std::string::npos) << made.body;
  const size_t start = at + 7;
  const std::string token = made.body.substr(start, made.body.find('"', start) - start);
  EXPECT_TRUE(accounts_->AuthenticateApiKey(token, "127.0.0.1").ok());
  // Never shown again.
  auto list = Get(a, "/workspace/apikeys");
  EXPECT_TRUE(Contains(list.body, key_id));
  EXPECT_FALSE(Contains(list.body, token));

  // Organisation B cannot revoke A's key.
  EXPECT_EQ(Post(Login("producer_b"), "/workspace/apikeys/" + key_id + "/revoke", {}).status, 404);
  EXPECT_FALSE(store_->ListApiKeys(org_a_)->front().revoked_at.has_value());
  auto revoked = Post(a, "/workspace/apikeys/" + key_id + "/revoke", {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_TRUE(store_->ListApiKeys(org_a_)->front().revoked_at.has_value());
  EXPECT_FALSE(accounts_->AuthenticateApiKey(token, "127.0.0.1").ok());
  AuditFilter api_keys;
  api_keys.entity = "api_key";
  auto audit = store_->ListAudit(api_keys, {.limit = 10, .offset = 0});
  EXPECT_EQ(audit->total, 2);  // created, revoked
}

TEST_P(WorkspaceTest, RejectedRecordsShowTheReasonAndAreResubmittedFromTheList) {
  const Caller a = Login("producer_a");
  const int64_t id = CreateProduct(a, "Điều rang");
  ASSERT_EQ(Post(a, "/workspace/products/" + std::to_string(id) + "/submit", {}).status, 303);
  const Caller reviewer = Login("reviewer");
  auto reject = Call("POST", "/api/v1/products/" + std::to_string(id) + "/review", reviewer,
                     R"({"decision":"reject","reason":"Thiếu tiêu chuẩn áp dụng"})");
  ASSERT_EQ(reject.status, 200) << reject.body;

  auto list = Get(a, "/workspace/submissions");
  EXPECT_TRUE(Contains(list.body, "Thiếu tiêu chuẩn áp dụng"));
  EXPECT_TRUE(Contains(list.body, "<td>Bị từ chối</td>"));
  auto page = Get(a, "/workspace/products/" + std::to_string(id));
  EXPECT_TRUE(Contains(page.body, "Thiếu tiêu chuẩn áp dụng"));

  ASSERT_EQ(Post(a, "/workspace/products/" + std::to_string(id),
                 {{"gtin", store_->GetProduct(id)->gtin},
                  {"nameVi", "Điều rang"},
                  {"standards", "TCVN 12381:2018"}})
                .status,
            303);
  auto again = Post(a, "/workspace/products/" + std::to_string(id) + "/submit",
                    {{"next", "/workspace/submissions"}});
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.Header("location"), "/workspace/submissions?done=submitted");
  EXPECT_EQ(store_->GetProduct(id)->review_status, ReviewStatus::kPending);
  // Pending: neither editable nor submittable.
  auto twice = Post(a, "/workspace/products/" + std::to_string(id) + "/submit", {});
  EXPECT_EQ(twice.status, 409);
  auto edit = Post(a, "/workspace/products/" + std::to_string(id),
                   {{"gtin", store_->GetProduct(id)->gtin}, {"nameVi", "Khác"}});
  EXPECT_EQ(edit.status, 409);
  EXPECT_TRUE(Contains(edit.body, "is waiting for review and cannot be changed"));
}

TEST_P(WorkspaceTest, TheProfileFollowsTheReviewRules) {
  // Organisation B is made a draft: editable, then submitted.
  Organisation draft = *store_->GetOrganisation(org_b_);
  draft.review_status = ReviewStatus::kDraft;
  ASSERT_TRUE(store_->UpdateOrganisation(draft, Actor::System("system:test")).ok());
  const Caller b = Login("producer_b");
  const Snapshot before = Counts();
  auto bad = Post(b, "/workspace/profile",
                  {{"name", "Công ty TNHH Tiêu Lộc Ninh"}, {"email", "not-an-address"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "email must look like name@example.vn"));
  auto bad_tax = Post(b, "/workspace/profile", {{"name", "X"}, {"taxCode", "12-34"}});
  EXPECT_EQ(bad_tax.status, 400);
  EXPECT_TRUE(Contains(bad_tax.body, "tax code must be 10 digits"));
  auto no_name = Post(b, "/workspace/profile", {{"name", ""}});
  EXPECT_EQ(no_name.status, 400);
  EXPECT_EQ(Counts(), before);

  auto ok = Post(b, "/workspace/profile",
                 {{"name", "Công ty TNHH Tiêu Lộc Ninh"},
                  {"taxCode", "3801234567"},
                  {"address", "QL13, Lộc Ninh"},
                  {"district", "Lộc Ninh"},
                  {"phone", "0271 3566 777"},
                  {"email", "tieu@locninh.vn"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto org = store_->GetOrganisation(org_b_);
  EXPECT_EQ(org->tax_code, "3801234567");
  EXPECT_EQ(org->phone, "0271 3566 777");
  EXPECT_EQ(org->gs1_company_prefix, "8930002");  // not the producer's to change
  ASSERT_EQ(Post(b, "/workspace/profile/submit", {}).status, 303);
  EXPECT_EQ(store_->GetOrganisation(org_b_)->review_status, ReviewStatus::kPending);

  // Organisation A is approved: published, not changed in place.
  const Caller a = Login("producer_a");
  auto page = Get(a, "/workspace/profile");
  EXPECT_TRUE(Contains(page.body, "<fieldset disabled>"));
  auto refused = Post(a, "/workspace/profile", {{"name", "Tên mới"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, "the profile is approved and published"));
  EXPECT_EQ(store_->GetOrganisation(org_a_)->name, "Hợp tác xã Điều Bù Đăng");
}

TXNG_INSTANTIATE_BACKENDS(WorkspaceTest);

}  // namespace
}  // namespace txng
