// GET /api/v1/labels over real HTTP, on SQLite and PostgreSQL: the PDF a
// producer downloads scans, and only those who may read the lot get one.
#include <gtest/gtest.h>

#include <set>

#include "integration/app_fixture.h"
#include "label/pdf_probe_testing.h"

namespace txng {
namespace {

class LabelsApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const Actor setup = Actor::System("system:test");
    Product p;
    p.org_id = org_a_;
    p.gtin = "08930001000018";
    p.name_vi = "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt";
    p.category = "cashew";
    auto product = store_->CreateProduct(p, setup);
    ASSERT_TRUE(IsOk(product));
    Lot lot;
    lot.org_id = org_a_;
    lot.product_id = product->id;
    lot.lot_code = "LOT1";
    lot.production_date = "2026-03-01";
    lot.expiry_date = "2027-02-28";
    auto created = store_->CreateLot(lot, setup);  // a draft: visible to its own organisation
    ASSERT_TRUE(IsOk(created));
    lot_ = std::to_string(created->id);
  }

  std::string lot_;
};

TEST_P(LabelsApiTest, TheProducerDownloadsAPdfWhoseQrCodesScan) {
  Caller a = Login("producer_a");
  auto r = Call("GET", "/api/v1/labels?lot=" + lot_ + "&copies=1&lang=vi", a);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/pdf");
  EXPECT_EQ(r.Header("content-disposition"), "attachment; filename=\"labels-" + lot_ + ".pdf\"");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  auto pages = label::testing::DecodeQrCodesPerPage(r.body);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ(pages->at(0), std::vector<std::string>{"https://id.gs1.org/01/08930001000018/10/LOT1"});
  auto text = label::testing::PdfText(r.body);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("Lô: LOT1"), std::string::npos) << *text;
  EXPECT_NE(text->find("NSX: 01/03/2026"), std::string::npos) << *text;

  auto serials = Call(
      "GET",
      "/api/v1/labels?lot=" + lot_ + "&columns=2&rows=4&serialFrom=A-09&serialCount=2&lang=en", a);
  ASSERT_EQ(serials.status, 200) << serials.body;
  auto serial_pages = label::testing::DecodeQrCodesPerPage(serials.body);
  ASSERT_TRUE(serial_pages.ok());
  ASSERT_EQ(serial_pages->size(), 1u);
  EXPECT_EQ(std::set<std::string>(serial_pages->at(0).begin(), serial_pages->at(0).end()),
            (std::set<std::string>{"https://id.gs1.org/01/08930001000018/10/LOT1/21/A-09",
                                   "https://id.gs1.org/01/08930001000018/10/LOT1/21/A-10"}));
  auto english = label::testing::PdfText(serials.body);
  ASSERT_TRUE(english.ok());
  EXPECT_NE(english->find("Serial: A-10"), std::string::npos) << *english;
}

TEST_P(LabelsApiTest, OthersGet404AndBadParametersAre400) {
  const Snapshot before = Counts();
  for (const Caller& who : {Login("producer_b"), Caller{}}) {
    auto r = Call("GET", "/api/v1/labels?lot=" + lot_, who);
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    EXPECT_EQ(Json(r)["detail"], "lot " + lot_ + " not found");
  }
  Caller a = Login("producer_a");
  auto unknown = Call("GET", "/api/v1/labels?lot=987654", a);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json(unknown)["detail"], "lot 987654 not found");

  struct Bad {
    std::string query;
    std::string field;
    std::string detail;
  };
  for (const Bad& bad : {
           Bad{"", "lot",
               "the query parameter 'lot' is required: the id of the lot to print "
               "labels for"},
           Bad{"lot=x", "lot", "lot must be an integer"},
           Bad{"lot=" + lot_ + "&columns=7", "columns", "columns must be from 1 to 6, got 7"},
           Bad{"lot=" + lot_ + "&serialFrom=1&serialCount=2001", "serialCount",
               "at most 2000 labels can be printed at once, not 2001; print the serials in "
               "several runs"},
           Bad{"lot=" + lot_ + "&serialFrom=ABC&serialCount=2", "serialFrom",
               "the first serial 'ABC' must end in a digit: the digits at its end are counted "
               "up, one serial per label"},
           Bad{"lot=" + lot_ + "&serialCount=2", "serialFrom",
               "serialCount needs serialFrom: the first serial, e.g. 1 or A0001"},
           Bad{"lot=" + lot_ + "&copies=3000", "copies",
               "at most 2000 labels can be printed at once, not 3000; print the copies in "
               "several runs"},
           Bad{"lot=" + lot_ + "&lang=fr", "lang", "lang must be vi or en"},
       }) {
    auto r = Call("GET", "/api/v1/labels?" + bad.query, a);
    EXPECT_EQ(r.status, 400) << bad.query << ": " << r.body;
    EXPECT_EQ(Json(r)["field"], bad.field) << bad.query;
    EXPECT_EQ(Json(r)["detail"], bad.detail) << bad.query;
  }
  Snapshot after = Counts();
  after.audit = before.audit;  // signing in is audited
  EXPECT_EQ(after, before);
}

TXNG_INSTANTIATE_BACKENDS(LabelsApiTest);

}  // namespace
}  // namespace txng
