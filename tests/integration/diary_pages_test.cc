// The production diary and spreadsheet import pages over HTTP, on both
// backends: each stage's form captures its event pending review, errors
// change nothing, and an import is previewed before anything is saved.
#include <gtest/gtest.h>

#include "export/writers.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

class DiaryPagesTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const Actor setup = Actor::System("system:test");
    auto a = store_->GetOrganisation(org_a_);
    auto b = store_->GetOrganisation(org_b_);
    ASSERT_TRUE(IsOk(a) && IsOk(b));
    a->gln = "8930001000018";
    b->gln = "8930002000017";
    ASSERT_TRUE(IsOk(store_->UpdateOrganisation(*a, setup)));
    ASSERT_TRUE(IsOk(store_->UpdateOrganisation(*b, setup)));
    MakeLot(org_a_, "08930001000018", "L1");
    MakeLot(org_a_, "08930001000025", "P1");
    MakeLot(org_b_, "08930002000024", "LB");
    MakePlace(org_a_, "8930001000025", "VT-01");
    MakePlace(org_b_, "8930002000024", "");
    a_ = Login("producer_a");
  }

  void MakeLot(int64_t org, const std::string& gtin, const std::string& code) {
    const Actor setup = Actor::System("system:test");
    Result<Product> product = store_->GetProductByGtin(gtin);
    if (!product.ok()) {
      Product p;
      p.org_id = org;
      p.gtin = gtin;
      p.name_vi = "Hạt điều " + gtin.substr(10);
      p.category = "cashew";
      product = store_->CreateProduct(p, setup);
      ASSERT_TRUE(IsOk(product));
    }
    Lot lot;
    lot.org_id = org;
    lot.product_id = product->id;
    lot.lot_code = code;
    ASSERT_TRUE(IsOk(store_->CreateLot(lot, setup)));
  }

  void MakePlace(int64_t org, const std::string& gln, const std::string& area) {
    Location l;
    l.org_id = org;
    l.gln = gln;
    l.name = "Vườn điều " + gln.substr(9);
    l.area_code = area;
    ASSERT_TRUE(IsOk(store_->CreateLocation(l, Actor::System("system:test"))));
  }

  test::HttpResponse Post(const std::string& target, const std::string& body,
                          bool with_csrf = true) {
    test::HttpHeaders h = {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Cookie", a_.cookie}};
    return client_->Request("POST", target,
                            body + (with_csrf ? "&csrf_token=" + a_.csrf : std::string()), h);
  }

  test::HttpResponse Page(const std::string& target, const Caller& who) {
    return client_->Get(target, {{"Cookie", who.cookie}});
  }

  // A multipart upload of `file` as the form field "file".
  test::HttpResponse Upload(const std::string& filename, const std::string& file,
                            bool with_csrf = true) {
    const std::string boundary = "----txngdiary";
    std::string body;
    if (with_csrf) {
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
              a_.csrf + "\r\n";
    }
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" +
            boundary + "--\r\n";
    return client_->Request(
        "POST", "/workspace/import", body,
        {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", a_.cookie}});
  }

  std::vector<StoredEvent> Events(int64_t org) {
    DiaryFilter f;
    f.org_id = org;
    auto page = store_->ListDiaryEvents(f, {.limit = 100, .offset = 0});
    EXPECT_TRUE(IsOk(page));
    std::vector<StoredEvent> out;
    if (!page.ok()) return out;
    for (const EventSubmission& s : page->items) {
      auto e = store_->GetEvent(s.id);
      EXPECT_TRUE(IsOk(e));
      if (e.ok()) out.push_back(*e);
    }
    return out;
  }

  // The staging token of a preview page.
  static std::string Token(const std::string& html) {
    const std::string marker = "name=\"token\" value=\"";
    const size_t at = html.find(marker);
    if (at == std::string::npos) return "";
    return html.substr(at + marker.size(), html.find('"', at + marker.size()) - at - marker.size());
  }

  Caller a_;
};

constexpr const char* kLot = "08930001000018%2FL1";
constexpr const char* kPlace = "8930001000025";

TEST_P(DiaryPagesTest, EveryStageFormRecordsItsEventPendingReview) {
  struct Case {
    std::string stage, extra, biz_step;
  };
  const std::vector<Case> cases = {
      {"planting_care", "&activity=fertilising",
       "https://txng.binhphuoc.gov.vn/epcis/BizStep-farming"},
      {"harvesting", "&quantity=120&unit=KGM", "https://ref.gs1.org/cbv/BizStep-commissioning"},
      {"processing",
       "&quantity=120&unit=KGM&output_lot=08930001000025%2FP1&output_quantity=30&output_unit=KGM",
       "https://ref.gs1.org/cbv/BizStep-creating_class_instance"},
      {"packing", "", "https://ref.gs1.org/cbv/BizStep-packing"},
      {"storage", "", "https://ref.gs1.org/cbv/BizStep-storing"},
      {"shipping", "&partner=8930002000017&quantity=30&unit=KGM",
       "https://ref.gs1.org/cbv/BizStep-shipping"},
      {"receiving", "&partner=8930002000017", "https://ref.gs1.org/cbv/BizStep-receiving"},
      {"selling", "&quantity=2&unit=XBX", "https://ref.gs1.org/cbv/BizStep-retail_selling"}};
  int day = 10;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.stage);
    auto form = Page("/workspace/diary/new?stage=" + c.stage, a_);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("name=\"csrf_token\""), std::string::npos);
    EXPECT_NE(form.body.find("<option value=\"08930001000018/L1\""), std::string::npos);
    // Organisation B's lot and place are not offered.
    EXPECT_EQ(form.body.find("08930002000024/LB"), std::string::npos);
    EXPECT_EQ(form.body.find("value=\"8930002000024\""), std::string::npos);
    const std::string time = "2026-11-" + std::to_string(day++) + "T07%3A30";
    auto r = Post("/workspace/diary", "stage=" + c.stage + "&time=" + time + "&lot=" + kLot +
                                          "&place=" + kPlace + c.extra);
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(*r.Header("location"), "/workspace/diary?recorded=1");
    std::vector<StoredEvent> events = Events(org_a_);
    ASSERT_FALSE(events.empty());
    const StoredEvent& e = events.front();  // newest first
    EXPECT_EQ(e.event.biz_step, c.biz_step);
    EXPECT_EQ(e.review_status, ReviewStatus::kPending);
    EXPECT_EQ(e.org_id, org_a_);
    EXPECT_EQ(e.event.event_time, "2026-11-" + std::to_string(day - 1) + "T07:30:00+07:00");
    ASSERT_TRUE(e.event.biz_location.has_value());
    EXPECT_EQ(e.event.biz_location->id, "https://id.gs1.org/414/8930001000025");
    if (c.stage == "processing") {
      ASSERT_EQ(e.event.output_quantity_list.size(), 1u);
      EXPECT_EQ(e.event.output_quantity_list[0].epc_class,
                "https://id.gs1.org/01/08930001000025/10/P1");
      EXPECT_EQ(e.event.input_quantity_list[0].quantity, 120);
    } else {
      ASSERT_EQ(e.event.quantity_list.size(), 1u);
      EXPECT_EQ(e.event.quantity_list[0].epc_class, "https://id.gs1.org/01/08930001000018/10/L1");
    }
    if (c.stage == "harvesting") {
      ASSERT_TRUE(e.event.ilmd.has_value());
      EXPECT_NE(std::find(e.event.ilmd->begin(), e.event.ilmd->end(),
                          epcis::Extension{"{https://txng.binhphuoc.gov.vn/epcis/}growingAreaCode",
                                           "VT-01"}),
                e.event.ilmd->end());
    }
    if (c.stage == "shipping") {
      ASSERT_EQ(e.event.destinations.size(), 1u);
      EXPECT_EQ(e.event.destinations[0].id, "https://id.gs1.org/417/8930002000017");
      EXPECT_EQ(e.event.sources[0].id, "https://id.gs1.org/417/8930001000018");
    }
  }
  EXPECT_EQ(Events(org_a_).size(), cases.size());

  // The list shows them newest first, in plain words, with their status.
  auto list = Page("/workspace/diary", a_);
  ASSERT_EQ(list.status, 200);
  const size_t selling = list.body.find("<strong>Bán hàng</strong>");
  const size_t harvest = list.body.find("<strong>Thu hoạch</strong>");
  ASSERT_NE(selling, std::string::npos);
  ASSERT_NE(harvest, std::string::npos);
  EXPECT_LT(selling, harvest);
  EXPECT_NE(list.body.find("cho Công ty TNHH Tiêu Lộc Ninh"), std::string::npos);
  EXPECT_NE(list.body.find("8 mục"), std::string::npos);

  // Filters: stage, lot, dates, review status.
  auto packing = Page("/workspace/diary?stage=packing", a_);
  EXPECT_NE(packing.body.find("1 mục"), std::string::npos);
  auto output = Page("/workspace/diary?lot=08930001000025%2FP1", a_);
  EXPECT_NE(output.body.find("1 mục"), std::string::npos);
  auto days = Page("/workspace/diary?from=2026-11-11&to=2026-11-12", a_);
  EXPECT_NE(days.body.find("2 mục"), std::string::npos);
  auto approved = Page("/workspace/diary?status=approved", a_);
  EXPECT_NE(approved.body.find("0 mục"), std::string::npos);
  EXPECT_EQ(Page("/workspace/diary?from=2026-13-01", a_).status, 400);

  // Organisation B sees none of them in its diary.
  auto b_list = Page("/workspace/diary", Login("producer_b"));
  EXPECT_NE(b_list.body.find("0 mục"), std::string::npos);
}

TEST_P(DiaryPagesTest, RejectedEntriesShowTheReviewersReason) {
  ASSERT_EQ(Post("/workspace/diary", std::string("stage=packing&time=2026-11-20T08%3A00&lot=") +
                                         kLot + "&place=" + kPlace)
                .status,
            303);
  const int64_t id = [&] {
    DiaryFilter f;
    f.org_id = org_a_;
    return store_->ListDiaryEvents(f, {.limit = 1, .offset = 0})->items.at(0).id;
  }();
  ASSERT_TRUE(IsOk(
      store_->ReviewEvents({id}, {ReviewStatus::kRejected, "Thiếu số lượng đóng gói", std::nullopt},
                           Actor::System("system:test"))));
  auto list = Page("/workspace/diary?status=rejected", a_);
  EXPECT_NE(list.body.find("Thiếu số lượng đóng gói"), std::string::npos);
  EXPECT_NE(list.body.find("1 mục"), std::string::npos);
}

TEST_P(DiaryPagesTest, InvalidEntriesAreRefusedPreciselyAndChangeNothing) {
  struct Case {
    std::string body, message;
  };
  const std::vector<Case> cases = {
      {"stage=harvesting&time=2026-11-20T07%3A30&place=8930001000025&quantity=1&unit=KGM",
       "Lô sản phẩm</a>: cần nhập"},
      {"stage=harvesting&time=2026-11-20T07%3A30&lot=08930002000024%2FLB&place=8930001000025"
       "&quantity=1&unit=KGM",
       "Lô sản phẩm</a>: lô này thuộc đơn vị khác"},
      {"stage=packing&time=2026-11-20T07%3A30&lot=08930001000018%2FL1&place=8930002000024",
       "Địa điểm</a>: địa điểm này thuộc đơn vị khác"},
      {"stage=shipping&time=2026-11-20T07%3A30&lot=08930001000018%2FL1&place=8930001000025"
       "&partner=8930001000018",
       "Đối tác</a>: đối tác không thể là chính đơn vị mình"},
      {"stage=harvesting&time=2026-02-30T07%3A30&lot=08930001000018%2FL1&place=8930001000025"
       "&quantity=-3&unit=KGM",
       "Số lượng</a>: phải là một số lớn hơn 0"},
      {"stage=planting_care&time=2026-11-20T07%3A30&lot=08930001000018%2FL1&place=8930001000025"
       "&activity=dancing",
       "Công việc</a>: không phải công việc nào trong danh sách"}};
  const Snapshot before = Counts();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    auto r = Post("/workspace/diary", c.body);
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find(c.message), std::string::npos) << r.body;
  }
  // The impossible date is reported too.
  auto r = Post("/workspace/diary", cases[4].body);
  EXPECT_NE(r.body.find("Thời gian</a>: không đúng dạng ngày giờ"), std::string::npos);
  EXPECT_TRUE(Events(org_a_).empty());
  EXPECT_EQ(Counts(), before);
}

TEST_P(DiaryPagesTest, PostsWithoutCsrfAreForbiddenAndTextIsEscaped) {
  const std::string body = std::string("stage=packing&time=2026-11-20T07%3A30&lot=") + kLot +
                           "&place=" + kPlace + "&note=%3Cscript%3Ealert(1)%3C%2Fscript%3E";
  EXPECT_EQ(Post("/workspace/diary", body, /*with_csrf=*/false).status, 403);
  EXPECT_EQ(Upload("a.csv", "stage\n", /*with_csrf=*/false).status, 403);
  EXPECT_EQ(Post("/workspace/import/confirm", "token=x&mode=all", false).status, 403);
  EXPECT_TRUE(Events(org_a_).empty());
  ASSERT_EQ(Post("/workspace/diary", body).status, 303);
  auto list = Page("/workspace/diary", a_);
  EXPECT_EQ(list.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(list.body.find("&lt;script&gt;alert(1)"), std::string::npos) << list.body;
}

TEST_P(DiaryPagesTest, OnlyOrganisationUsersUseTheDiary) {
  EXPECT_EQ(client_->Get("/workspace/diary").status, 303);  // to the sign-in page
  EXPECT_EQ(Page("/workspace/diary", Login("reviewer")).status, 403);
  EXPECT_EQ(Page("/workspace/import", Login("admin")).status, 403);
  EXPECT_EQ(Page("/workspace/diary/new?stage=dancing", a_).status, 404);
}

TEST_P(DiaryPagesTest, TemplatesDownloadAsCsvAndXlsx) {
  auto csv = Page("/workspace/import/template.csv", a_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(*csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body,
            "\xEF\xBB\xBFstage,time,lot,quantity,unit,place,partner,output_lot,output_quantity,"
            "output_unit,activity,note\r\n");
  auto xlsx = Page("/workspace/import/template.xlsx", a_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK\x03\x04"));
  EXPECT_NE(xlsx.Header("content-disposition")->find("txng-diary-template.xlsx"),
            std::string::npos);
}

TEST_P(DiaryPagesTest, ImportPreviewsThenImportsOnlyTheValidRowsWhenAsked) {
  const std::string csv =
      "stage,time,lot,quantity,unit,place,partner,note\r\n"
      "harvesting,2026-11-20 07:30,08930001000018/L1,120,KGM,8930001000025,,<b>x</b>\r\n"
      "packing,21/11/2026 09:00,08930002000024/LB,,,8930001000025,,\r\n"
      "shipping,2026-11-22 10:00,08930001000018/L1,30,KGM,8930001000025,8930002000017,\r\n";
  auto preview = Upload("nhat-ky.csv", csv);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("Dòng 3, Lô sản phẩm: lô này thuộc đơn vị khác"), std::string::npos)
      << preview.body;
  EXPECT_NE(preview.body.find("&lt;b&gt;x&lt;"), std::string::npos);
  EXPECT_EQ(preview.body.find("Nhập tất cả"), std::string::npos);  // not offered
  const std::string token = Token(preview.body);
  ASSERT_FALSE(token.empty());
  EXPECT_TRUE(Events(org_a_).empty());  // nothing saved by the preview

  // "All" is refused while a row is invalid; nothing is captured.
  auto all = Post("/workspace/import/confirm", "token=" + token + "&mode=all");
  EXPECT_EQ(all.status, 400);
  EXPECT_NE(all.body.find("Tệp còn dòng có lỗi"), std::string::npos);
  EXPECT_TRUE(Events(org_a_).empty());

  // Another producer cannot confirm it.
  Caller b = Login("producer_b");
  auto stolen = client_->Request(
      "POST", "/workspace/import/confirm", "token=" + token + "&mode=valid&csrf_token=" + b.csrf,
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", b.cookie}});
  EXPECT_EQ(stolen.status, 404);
  EXPECT_TRUE(Events(org_a_).empty());
  EXPECT_TRUE(Events(org_b_).empty());

  auto valid = Post("/workspace/import/confirm", "token=" + token + "&mode=valid");
  ASSERT_EQ(valid.status, 303) << valid.body;
  EXPECT_EQ(*valid.Header("location"), "/workspace/diary?recorded=2");
  std::vector<StoredEvent> events = Events(org_a_);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.biz_step, "https://ref.gs1.org/cbv/BizStep-shipping");
  EXPECT_EQ(events[1].event.biz_step, "https://ref.gs1.org/cbv/BizStep-commissioning");
  EXPECT_EQ(events[1].review_status, ReviewStatus::kPending);

  // Used once.
  EXPECT_EQ(Post("/workspace/import/confirm", "token=" + token + "&mode=valid").status, 404);
  EXPECT_EQ(Events(org_a_).size(), 2u);
}

TEST_P(DiaryPagesTest, AnXlsxFileWhollyValidImportsAll) {
  exports::Sheet s;
  s.title = "diary";
  s.columns = {"stage", "time", "lot", "quantity", "unit", "place"};
  s.rows = {{exports::Cell::Text("harvesting"), exports::Cell::Text("2026-11-20 07:30"),
             exports::Cell::Text("08930001000018/L1"), exports::Cell::Number(120),
             exports::Cell::Text("KGM"), exports::Cell::Text("8930001000025")},
            {exports::Cell::Text("storage"), exports::Cell::Text("2026-11-21 07:30"),
             exports::Cell::Text("08930001000018/L1"), exports::Cell::Empty(),
             exports::Cell::Empty(), exports::Cell::Text("8930001000025")}};
  auto xlsx = exports::WriteXlsx(s);
  ASSERT_TRUE(IsOk(xlsx));
  auto preview = Upload("nhat-ky.xlsx", *xlsx);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("Nhập tất cả"), std::string::npos);
  auto all = Post("/workspace/import/confirm", "token=" + Token(preview.body) + "&mode=all");
  ASSERT_EQ(all.status, 303) << all.body;
  std::vector<StoredEvent> events = Events(org_a_);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.biz_step, "https://ref.gs1.org/cbv/BizStep-storing");
  EXPECT_EQ(events[1].event.quantity_list.at(0).quantity, 120);
}

TEST_P(DiaryPagesTest, UploadsThatAreNoSpreadsheetAreRefusedWithAMessage) {
  auto png = Upload("anh.png", "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(png.status, 415);
  EXPECT_NE(png.body.find("Chỉ nhận tệp .xlsx hoặc .csv."), std::string::npos);
  auto fake = Upload("bang.xlsx", "stage,time\n");
  EXPECT_EQ(fake.status, 415);
  auto corrupt = Upload("bang.xlsx", std::string("PK\x03\x04garbage", 11));
  EXPECT_EQ(corrupt.status, 400);
  EXPECT_NE(corrupt.body.find("Không đọc được tệp:"), std::string::npos);
  auto header = Upload("a.csv", "stage,colour\nharvesting,red\n");
  EXPECT_EQ(header.status, 400);
  EXPECT_NE(header.body.find("Dòng tiêu đề có cột không thuộc mẫu: &quot;colour&quot;"),
            std::string::npos)
      << header.body;
  auto empty = Upload("a.csv", "stage,time\n");
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(Events(org_a_).empty());
}

TXNG_INSTANTIATE_BACKENDS(DiaryPagesTest);

}  // namespace
}  // namespace txng
