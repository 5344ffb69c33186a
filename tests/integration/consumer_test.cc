// The consumer side over HTTP, on both backends: the GS1 Digital Link
// resolver (every path form, content negotiation, linkset, 307s), the
// product and lot pages, the search (diacritic-insensitive, HTML and JSON),
// and consumer feedback with its queue.
#include "service/consumer.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "epcis/event_hash.h"
#include "gs1/check_digit.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

using nlohmann::json;

std::string WithCheckDigit(const std::string& digits) {
  return digits + *gs1::Mod10CheckDigit(digits);
}

bool Contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ConsumerTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    cashew_ = AddProduct(org_a_, "00001", "Hạt điều rang muối", "cashew", ReviewStatus::kApproved);
    pepper_ = AddProduct(org_b_, "00002", "Tiêu đen", "pepper", ReviewStatus::kApproved);
    coffee_ = AddProduct(org_b_, "00003", "Cà phê Đức Hạnh", "coffee", ReviewStatus::kApproved);
    hidden_ = AddProduct(org_a_, "00004", "Hạt điều chưa duyệt", "cashew", ReviewStatus::kPending);
    Lot lot;
    lot.org_id = org_a_;
    lot.product_id = cashew_.id;
    lot.lot_code = "L2503A";
    lot.production_date = "2026-03-01";
    lot.expiry_date = "2027-03-01";
    lot.quantity = 400;
    lot.unit = "KGM";
    lot.review_status = ReviewStatus::kApproved;
    ASSERT_TRUE(IsOk(store_->CreateLot(lot, Actor::System("system:test"))));
    lot.lot_code = "DRAFT1";
    lot.review_status = ReviewStatus::kDraft;
    ASSERT_TRUE(IsOk(store_->CreateLot(lot, Actor::System("system:test"))));
    Location place;
    place.org_id = org_a_;
    place.gln = gln_;
    place.name = "Vườn điều Phú Riềng";
    place.kind = LocationKind::kGrowingArea;
    place.address = "Ấp 3, xã Phú Riềng";
    place.district = "Phú Riềng";
    place.area_code = "VN-BPTR-0012";
    place.review_status = ReviewStatus::kApproved;
    ASSERT_TRUE(IsOk(store_->CreateLocation(place, Actor::System("system:test"))));
    place.gln_extension = "A1";
    place.name = "Lô A1";
    ASSERT_TRUE(IsOk(store_->CreateLocation(place, Actor::System("system:test"))));
    // Organisation B moves to Đồng Xoài: its products' search text follows.
    Organisation b = *store_->GetOrganisation(org_b_);
    b.district = "Đồng Xoài";
    ASSERT_TRUE(IsOk(store_->UpdateOrganisation(b, Actor::System("system:test"))));
  }

  Product AddProduct(int64_t org, const std::string& item, const std::string& name,
                     const std::string& category, ReviewStatus status) {
    Product p;
    p.org_id = org;
    p.gtin = WithCheckDigit(std::string(org == org_a_ ? "08930001" : "08930002") + item);
    p.name_vi = name;
    p.category = category;
    p.brand = "Bình Phước Xanh";
    p.standards = "TCVN 12381:2018, HACCP";
    p.shelf_life_days = 365;
    p.ocop_stars = 4;
    p.review_status = status;
    Result<Product> out = store_->CreateProduct(p, Actor::System("system:test"));
    EXPECT_TRUE(IsOk(out));
    if (status == ReviewStatus::kApproved) {
      ReviewDecision d;
      d.status = ReviewStatus::kApproved;
      out = store_->ReviewProduct(out->id, d, Actor::System("system:test"));
    }
    return out.ok() ? *out : Product{};
  }

  test::HttpResponse Get(const std::string& target, test::HttpHeaders headers = {}) {
    return client_->Get(target, headers);
  }

  // The GTINs and names found by GET /api/v1/products?q=.
  std::vector<std::string> ApiSearch(const std::string& encoded_q) {
    auto r = Get("/api/v1/products?q=" + encoded_q);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> gtins;
    const json body = Json(r);
    for (const json& item : body["items"]) gtins.push_back(item["gtin"]);
    return gtins;
  }

  // A fresh feedback form: its token and cookie.
  std::pair<std::string, std::string> FeedbackToken(const std::string& gtin) {
    auto r = Get("/feedback/new?gtin=" + gtin);
    EXPECT_EQ(r.status, 200) << r.body;
    std::smatch m;
    EXPECT_TRUE(std::regex_search(r.body, m, std::regex("name=\"csrf_token\" value=\"([^\"]+)\"")));
    const std::string cookie = r.Header("set-cookie").value_or("");
    return {m[1], cookie.substr(0, cookie.find(';'))};
  }

  test::HttpResponse PostFeedback(const std::string& form, const std::string& cookie) {
    test::HttpHeaders h = {{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!cookie.empty()) h.emplace_back("Cookie", cookie);
    return client_->Request("POST", "/feedback", form, h);
  }

  int64_t FeedbackCount() {
    FeedbackFilter all;
    return *store_->CountFeedback(all);
  }

  Product cashew_, pepper_, coffee_, hidden_;
  const std::string gln_ = WithCheckDigit("893000100002");
};

TEST_P(ConsumerTest, ResolvesEveryDigitalLinkPathForm) {
  const std::string g = cashew_.gtin;
  for (const std::string& path :
       {"/01/" + g, "/01/" + g.substr(1), "/01/" + g + "/10/L2503A", "/01/" + g + "/21/S1",
        "/01/" + g + "/10/L2503A/21/S1", "/01/" + g + "/10/L2503A?17=270301", "/414/" + gln_,
        "/414/" + gln_ + "/254/A1"}) {
    SCOPED_TRACE(path);
    auto r = Get(path);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type").value_or(""), "text/html; charset=utf-8");
    EXPECT_EQ(r.Header("cache-control").value_or(""), "public, max-age=60");
    EXPECT_NE(r.Header("link").value_or("").find("?linkType=linkset>; rel=\"linkset\""),
              std::string::npos);
  }
  auto lot = Get("/01/" + g + "/10/L2503A");
  EXPECT_EQ(Count(lot.body, "<dt data-item="), 10u);
  for (const char* item : {"name", "image", "producer", "address", "stages", "stage_times",
                           "trace_code", "brand", "expiry", "standards"}) {
    EXPECT_EQ(Count(lot.body, "<dt data-item=\"" + std::string(item) + "\">"), 1u) << item;
  }
  EXPECT_NE(lot.body.find("Hạt điều rang muối"), std::string::npos);
  EXPECT_NE(lot.body.find("<time datetime=\"2027-03-01\">01/03/2027</time>"), std::string::npos);
  EXPECT_NE(lot.body.find("400 KGM"), std::string::npos);
  EXPECT_NE(lot.body.find("<li>HACCP</li>"), std::string::npos);
  EXPECT_EQ(lot.body.find("DRAFT1"), std::string::npos);  // unpublished lot never shown
  auto place = Get("/414/" + gln_);
  EXPECT_NE(place.body.find("Vườn điều Phú Riềng"), std::string::npos);
  EXPECT_NE(place.body.find("VN-BPTR-0012"), std::string::npos);
  EXPECT_NE(place.body.find("Hợp tác xã Điều Bù Đăng"), std::string::npos);
  EXPECT_NE(Get("/414/" + gln_ + "/254/A1").body.find("Lô A1"), std::string::npos);
  // A signed-in visitor's page is private.
  Caller producer = Login("producer_a");
  EXPECT_EQ(Call("GET", "/01/" + g, producer).Header("cache-control").value_or(""),
            "private, no-store");
}

TEST_P(ConsumerTest, MalformedCodesAre400AndUnknownOnes404WithASearchBox) {
  auto bad = Get("/01/08930001000019");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("check digit"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("action=\"/search\""), std::string::npos);
  EXPECT_EQ(Get("/01/" + cashew_.gtin + "/10/").status, 400);
  for (const std::string& path :
       {"/01/" + WithCheckDigit("0893000100099"), "/01/" + hidden_.gtin,
        "/01/" + cashew_.gtin + "/10/NOPE", "/01/" + cashew_.gtin + "/10/DRAFT1",
        "/414/" + WithCheckDigit("893000100099"), "/00/" + WithCheckDigit("08930001000000001")}) {
    SCOPED_TRACE(path);
    auto r = Get(path);
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_NE(r.body.find("action=\"/search\""), std::string::npos);
    EXPECT_EQ(r.body.find("chưa duyệt"), std::string::npos);
  }
}

TEST_P(ConsumerTest, NegotiatesJsonAndLinksets) {
  const std::string path = "/01/" + cashew_.gtin + "/10/L2503A";
  auto facts = Get(path, {{"Accept", "application/json"}});
  EXPECT_EQ(facts.status, 200);
  EXPECT_EQ(facts.Header("content-type").value_or(""), "application/json");
  const json f = Json(facts);
  EXPECT_EQ(f["gtin"], cashew_.gtin);
  EXPECT_EQ(f["name"]["vi"], "Hạt điều rang muối");
  EXPECT_EQ(f["producer"]["name"], "Hợp tác xã Điều Bù Đăng");
  EXPECT_EQ(f["lot"]["lot"], "L2503A");
  EXPECT_EQ(f["lot"]["expiryDate"], "2027-03-01");
  EXPECT_EQ(f["recalled"], false);
  for (const auto& [target, accept] : std::vector<std::pair<std::string, std::string>>{
           {path + "?linkType=linkset", ""}, {path, "application/linkset+json"}}) {
    auto r = Get(target, {{"Accept", accept}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.Header("content-type").value_or(""), "application/linkset+json");
    const json doc = Json(r);
    const json& ctx = doc["linkset"][0];
    EXPECT_EQ(ctx["anchor"], "https://id.gs1.org" + path);
    EXPECT_EQ(ctx["https://gs1.org/voc/defaultLink"][0]["href"], path);
    EXPECT_TRUE(ctx.contains("https://gs1.org/voc/pip"));
    EXPECT_TRUE(ctx.contains("https://gs1.org/voc/traceability"));
    EXPECT_TRUE(ctx.contains("https://gs1.org/voc/recallStatus"));
    EXPECT_TRUE(ctx.contains("https://gs1.org/voc/epcis"));
  }
}

TEST_P(ConsumerTest, LinkTypesRedirectWithTheQueryPassedOn) {
  const std::string lot = "/01/" + cashew_.gtin + "/10/L2503A";
  const std::string id = "https%3A%2F%2Fid.gs1.org%2F01%2F" + cashew_.gtin + "%2F10%2FL2503A";
  struct Case {
    std::string target, location;
  };
  for (const Case& c : std::vector<Case>{
           {lot + "?linkType=gs1:traceability&17=270301", "/trace?id=" + id + "&17=270301"},
           {lot + "?linkType=https://gs1.org/voc/recallStatus", "/api/v1/recall-status?id=" + id},
           {lot + "?linkType=gs1:epcis", "/epcis/events?MATCH_epcClass=" + id},
           {"/01/" + cashew_.gtin + "/21/S1?linkType=gs1:epcis",
            "/epcis/events?MATCH_epc=https%3A%2F%2Fid.gs1.org%2F01%2F" + cashew_.gtin +
                "%2F21%2FS1"},
           {lot + "?linkType=gs1:certificationInfo", lot + "#certifications"},
           // Not available: the default link, with the query passed on.
           {lot + "?linkType=gs1:recipeInfo&x=1", lot + "?x=1"},
           {"/414/" + gln_ + "?linkType=gs1:recallStatus", "/414/" + gln_}}) {
    SCOPED_TRACE(c.target);
    auto r = Get(c.target);
    EXPECT_EQ(r.status, 307);
    EXPECT_EQ(r.Header("location").value_or(""), c.location);
  }
  auto old = Get("/products/" + cashew_.gtin.substr(1));
  EXPECT_EQ(old.status, 301);
  EXPECT_EQ(old.Header("location").value_or(""), "/01/" + cashew_.gtin);
}

TEST_P(ConsumerTest, TheLotPageListsTheCertificatesItsEventsCite) {
  // The lot's commissioning cites two certificates; an unreviewed event
  // cites a third, which must not show.
  const std::string lot = "https://id.gs1.org/01/" + cashew_.gtin + "/10/L2503A";
  const auto capture = [&](const std::string& id, const std::string& day,
                           std::vector<std::string> certificates, ReviewStatus status) {
    epcis::Event e;
    e.type = epcis::EventType::kObject;
    e.event_id = id;
    e.event_time = day + "T06:00:00.000Z";
    e.event_time_zone_offset = "+07:00";
    e.action = epcis::Action::kAdd;
    e.biz_step = "https://ref.gs1.org/cbv/BizStep-commissioning";
    e.quantity_list = {{lot, 400.0, "KGM"}};
    e.certification_info = std::move(certificates);
    CaptureContext ctx;
    ctx.org_id = org_a_;
    ctx.review_status = status;
    ASSERT_TRUE(IsOk(store_->CaptureEvents({NewEvent{e, epcis::EventHashId(e)}}, ctx,
                                           Actor::System("system:test"))));
  };
  capture("urn:uuid:6f1c2d3e-4a5b-4c6d-8e7f-001122334455", "2026-03-01",
          {"https://cert.example.vn/vietgap/VG-0012?a=1&b=2", "urn:example:cert:organic-77"},
          ReviewStatus::kApproved);
  capture("urn:uuid:6f1c2d3e-4a5b-4c6d-8e7f-001122334466", "2026-03-02",
          {"https://cert.example.vn/unreviewed"}, ReviewStatus::kPending);

  auto page = Get("/01/" + cashew_.gtin + "/10/L2503A");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "<li>TCVN 12381:2018</li><li>HACCP</li>")) << page.body;
  EXPECT_TRUE(
      Contains(page.body,
               "<li><a href=\"https://cert.example.vn/vietgap/VG-0012?a=1&amp;b=2\" "
               "rel=\"nofollow\">https://cert.example.vn/vietgap/VG-0012?a=1&amp;b=2</a></li>"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, "<li>urn:example:cert:organic-77</li>"));
  EXPECT_FALSE(Contains(page.body, "unreviewed"));
}

TEST_P(ConsumerTest, SearchIgnoresDiacriticsAndShowsPublishedProductsOnly) {
  EXPECT_EQ(ApiSearch("hat%20dieu"), std::vector<std::string>{cashew_.gtin});
  EXPECT_EQ(ApiSearch("H%E1%BA%A0T+%C4%90I%E1%BB%80U"), std::vector<std::string>{cashew_.gtin});
  EXPECT_EQ(ApiSearch("dong%20xoai"), (std::vector<std::string>{pepper_.gtin, coffee_.gtin}));
  EXPECT_EQ(ApiSearch("duc"), std::vector<std::string>{coffee_.gtin});
  EXPECT_EQ(ApiSearch("bu+dang"), std::vector<std::string>{cashew_.gtin});
  EXPECT_EQ(ApiSearch("tieu%20den%20dong"), std::vector<std::string>{pepper_.gtin});
  // The category's label: "Cà phê" is coffee's, "pepper" is pepper's in English.
  EXPECT_EQ(ApiSearch("ca+phe"), std::vector<std::string>{coffee_.gtin});
  EXPECT_EQ(ApiSearch("pepper"), std::vector<std::string>{pepper_.gtin});
  EXPECT_TRUE(ApiSearch("50%25").empty());  // '%' is literal
  EXPECT_TRUE(ApiSearch("chua").empty());   // the pending product is never found
  auto api = Get("/api/v1/products?q=duc");
  const json item = Json(api)["items"][0];
  EXPECT_EQ(item["name"]["vi"], "Cà phê Đức Hạnh");
  EXPECT_EQ(item["producer"]["name"], "Công ty TNHH Tiêu Lộc Ninh");
  EXPECT_EQ(item["url"], "/01/" + coffee_.gtin);
  EXPECT_EQ(Get("/api/v1/products?q=%20").status, 400);
  for (const char* q : {"hat+dieu", "dong+xoai", "duc"}) {
    auto page = Get(std::string("/search?q=") + q);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<a class=\"name\" href=\"/01/"), std::string::npos) << q;
    EXPECT_EQ(page.body.find("chưa duyệt"), std::string::npos);
  }
  auto none = Get("/search?q=sau+rieng+xyz");
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("Không có sản phẩm đã công bố nào khớp"), std::string::npos);
}

TEST_P(ConsumerTest, SearchTextIsBackfilledOnMigrate) {
  ASSERT_TRUE(IsOk(store_->db().Transact(TxMode::kWrite, [](SqlConnection& c) {
    return c.Run("UPDATE products SET search_text = NULL").status();
  })));
  // "rang muoi" is in the name only (no category label holds it).
  EXPECT_TRUE(ApiSearch("rang%20muoi").empty());
  ASSERT_TRUE(IsOk(store_->Migrate()));
  EXPECT_EQ(ApiSearch("rang%20muoi"), std::vector<std::string>{cashew_.gtin});
}

TEST_P(ConsumerTest, CodeBoxOpensTheResolverPage) {
  auto element = Get("/search?q=%2801%29" + cashew_.gtin + "%2810%29L2503A");
  EXPECT_EQ(element.status, 303);
  EXPECT_EQ(element.Header("location").value_or(""), "/01/" + cashew_.gtin + "/10/L2503A");
  auto gtin13 = Get("/search?q=" + cashew_.gtin.substr(1));
  EXPECT_EQ(gtin13.status, 303);
  EXPECT_EQ(gtin13.Header("location").value_or(""), "/01/" + cashew_.gtin);
  auto link = Get("/search?q=https%3A%2F%2Fid.gs1.org%2F414%2F" + gln_);
  EXPECT_EQ(link.Header("location").value_or(""), "/414/" + gln_);
  auto bad = Get("/search?q=%2801%2908930001000019");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("check digit"), std::string::npos) << bad.body;
}

TEST_P(ConsumerTest, FeedbackIsFiledCheckedAndEscaped) {
  const Snapshot before = Counts();
  // No token: 403, nothing stored.
  auto forged = PostFeedback("gtin=" + cashew_.gtin + "&text=hi", "");
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(FeedbackCount(), 0);
  auto [token, cookie] = FeedbackToken(cashew_.gtin);
  auto mismatched = PostFeedback("csrf_token=x&gtin=" + cashew_.gtin + "&text=hi", cookie);
  EXPECT_EQ(mismatched.status, 403);
  auto empty = PostFeedback("csrf_token=" + token + "&gtin=" + cashew_.gtin + "&text=+", cookie);
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Hãy mô tả vấn đề bạn gặp."), std::string::npos);
  auto long_text = PostFeedback("csrf_token=" + token + "&gtin=" + cashew_.gtin +
                                    "&text=" + std::string(kFeedbackMaxChars + 1, 'a'),
                                cookie);
  EXPECT_EQ(long_text.status, 400);
  auto unpublished =
      PostFeedback("csrf_token=" + token + "&gtin=" + hidden_.gtin + "&text=bad", cookie);
  EXPECT_EQ(unpublished.status, 404);
  EXPECT_EQ(FeedbackCount(), 0);
  EXPECT_EQ(Counts(), before);
  auto filed = PostFeedback("csrf_token=" + token + "&gtin=" + cashew_.gtin +
                                "&lot=L2503A&text=%3Cscript%3Ealert(1)%3C%2Fscript%3E&contact=0912",
                            cookie);
  EXPECT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(FeedbackCount(), 1);
  Caller reviewer = Login("reviewer");
  auto queue = Call("GET", "/feedback", reviewer);
  EXPECT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(queue.body.find("<script>alert(1)"), std::string::npos);
  auto list = Json(Call("GET", "/api/v1/feedback", reviewer));
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["text"], "<script>alert(1)</script>");
  EXPECT_EQ(list["items"][0]["lot"], "L2503A");
  EXPECT_EQ(list["items"][0]["status"], "open");
  EXPECT_EQ(list["items"][0]["remoteAddr"], "127.0.0.1");
  AuditFilter audit;
  audit.entity = "feedback";
  EXPECT_EQ(store_->ListAudit(audit, {.limit = 10, .offset = 0})->items.at(0).action,
            "feedback.create");
}

TEST_P(ConsumerTest, FeedbackIsRateLimitedPerAddress) {
  auto [token, cookie] = FeedbackToken(cashew_.gtin);
  const std::string form = "csrf_token=" + token + "&gtin=" + cashew_.gtin + "&text=late";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(PostFeedback(form, cookie).status, 201) << i;
  auto refused = PostFeedback(form, cookie);
  EXPECT_EQ(refused.status, 429);
  const int retry = std::stoi(refused.Header("retry-after").value_or("0"));
  EXPECT_GT(retry, 500);
  EXPECT_LE(retry, 600);
  EXPECT_EQ(FeedbackCount(), 5);
}

TEST_P(ConsumerTest, ReviewersAndScopedOfficersCloseFeedback) {
  auto [token, cookie] = FeedbackToken(cashew_.gtin);
  ASSERT_EQ(
      PostFeedback("csrf_token=" + token + "&gtin=" + cashew_.gtin + "&text=torn", cookie).status,
      201);
  ASSERT_EQ(
      PostFeedback("csrf_token=" + token + "&gtin=" + pepper_.gtin + "&text=wet", cookie).status,
      201);
  const json all = Json(Call("GET", "/api/v1/feedback", Login("reviewer")));
  ASSERT_EQ(all["total"], 2);
  const int64_t on_pepper = all["items"][0]["id"];  // newest first
  const int64_t on_cashew = all["items"][1]["id"];
  EXPECT_EQ(Call("GET", "/api/v1/feedback", Caller{}).status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/feedback", Login("producer_a")).status, 403);
  // The officer's scope is district Bù Đăng: organisation A's products only.
  Caller officer = Login("officer");
  const json scoped = Json(Call("GET", "/api/v1/feedback", officer));
  ASSERT_EQ(scoped["total"], 1);
  EXPECT_EQ(scoped["items"][0]["id"], on_cashew);
  EXPECT_EQ(*OpenFeedbackCount(*store_, Principal{}), 0);
  auto outside = Call("POST", "/api/v1/feedback/" + std::to_string(on_pepper) + "/close", officer,
                      R"({"note": "x"})");
  EXPECT_EQ(outside.status, 404);
  Caller reviewer = Login("reviewer");
  auto no_note = Call("POST", "/api/v1/feedback/" + std::to_string(on_pepper) + "/close", reviewer,
                      R"({"note": " "})");
  EXPECT_EQ(no_note.status, 400);
  EXPECT_NE(no_note.body.find("say how the report was handled"), std::string::npos);
  auto closed = Call("POST", "/api/v1/feedback/" + std::to_string(on_pepper) + "/close", reviewer,
                     R"({"note": "Called the producer"})");
  EXPECT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Json(closed)["status"], "closed");
  EXPECT_EQ(Json(closed)["closedBy"], "user:reviewer");
  auto again = Call("POST", "/api/v1/feedback/" + std::to_string(on_pepper) + "/close", reviewer,
                    R"({"note": "again"})");
  EXPECT_EQ(again.status, 409);
  // The page form: session CSRF required.
  test::HttpHeaders form = {{"Content-Type", "application/x-www-form-urlencoded"},
                            {"Cookie", reviewer.cookie}};
  auto forged = client_->Request("POST", "/feedback/" + std::to_string(on_cashew) + "/close",
                                 "note=done", form);
  EXPECT_EQ(forged.status, 403);
  auto page_close = client_->Request("POST", "/feedback/" + std::to_string(on_cashew) + "/close",
                                     "note=done&csrf_token=" + reviewer.csrf, form);
  EXPECT_EQ(page_close.status, 303);
  const json open = Json(Call("GET", "/api/v1/feedback?status=open", reviewer));
  EXPECT_EQ(open["total"], 0);
}

TXNG_INSTANTIATE_BACKENDS(ConsumerTest);

}  // namespace
}  // namespace txng
