#include "service/labels.h"

#include <gtest/gtest.h>

#include <set>

#include "label/pdf_probe_testing.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

label::LabelCaptions Vietnamese() {
  label::LabelCaptions c;
  c.language = label::LabelLanguage::kVietnamese;
  c.lot = "Lô";
  c.production_date = "NSX";
  c.expiry_date = "HSD";
  c.serial = "Số sê-ri";
  return c;
}

TEST(ExpandSerials, CountsUpTheDigitsAtTheEnd) {
  auto s = ExpandSerials({"A-0998", 3});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(*s, (std::vector<std::string>{"A-0998", "A-0999", "A-1000"}));
  EXPECT_EQ(*ExpandSerials({"98", 3}), (std::vector<std::string>{"98", "99", "100"}));
  EXPECT_EQ(*ExpandSerials({"7", 1}), std::vector<std::string>{"7"});
}

TEST(ExpandSerials, BadRangesArePreciseErrors) {
  auto message = [](SerialRange r) {
    Status s = ExpandSerials(r).status();
    return s.message() + " [" + s.field() + "]";
  };
  EXPECT_EQ(message({"", 3}),
            "the first serial is empty: give one such as 1 or A0001 [serialFrom]");
  EXPECT_EQ(message({"ABC", 3}),
            "the first serial 'ABC' must end in a digit: the digits at its end are counted up, one "
            "serial per label [serialFrom]");
  EXPECT_EQ(message({"1", 0}), "serialCount must be at least 1, got 0 [serialCount]");
  EXPECT_EQ(message({"1", 2001}),
            "at most 2000 labels can be printed at once, not 2001; print the serials in several "
            "runs [serialCount]");
  const std::string not_cset82 = message({"Số1", 2});
  EXPECT_EQ(not_cset82.rfind("serial 'Số1': AI (21): ", 0), 0u) << not_cset82;
  EXPECT_TRUE(not_cset82.ends_with(" [serialFrom]")) << not_cset82;
  // 20 characters at most: "99999999999999999999" + 1 has 21.
  EXPECT_EQ(message({"99999999999999999999", 2}).substr(0, 31), "serial '100000000000000000000':");
}

class LabelsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Organisation a = NewOrganisation("Hợp tác xã Điều Bù Đăng");
    a.review_status = ReviewStatus::kApproved;
    org_a_ = store_->CreateOrganisation(a, Admin())->id;
    org_b_ = MakeOrganisation("Công ty TNHH Tiêu Lộc Ninh").id;
    Product p = NewProduct(org_a_, "08930001000018");
    p.name_vi = "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt";
    p.review_status = ReviewStatus::kApproved;
    product_ = store_->CreateProduct(p, Admin())->id;
    Lot lot;
    lot.org_id = org_a_;
    lot.product_id = product_;
    lot.lot_code = "LOT1";
    lot.production_date = "2026-03-01";
    lot.expiry_date = "2027-02-28";
    lot.review_status = ReviewStatus::kApproved;
    approved_lot_ = store_->CreateLot(lot, Admin())->id;
    lot.lot_code = "DRAFT-7";
    lot.review_status = ReviewStatus::kDraft;
    draft_lot_ = store_->CreateLot(lot, Admin())->id;
    catalog_ = std::make_unique<CatalogService>(*store_);
  }

  Principal Producer(int64_t org) {
    Principal p;
    p.kind = Principal::Kind::kUser;
    p.role = Role::kProducer;
    p.org_id = org;
    p.name = "producer";
    return p;
  }

  LotLabelRequest Request(int64_t lot) {
    LotLabelRequest r;
    r.lot_id = lot;
    r.captions = Vietnamese();
    return r;
  }

  std::string Error(const Principal& p, const LotLabelRequest& r) {
    Status s = BuildLotLabels(*catalog_, p, r).status();
    return std::string(StatusCodeName(s.code())) + ": " + s.message() +
           (s.field().empty() ? "" : " [" + s.field() + "]");
  }

  int64_t org_a_ = 0, org_b_ = 0, product_ = 0, approved_lot_ = 0, draft_lot_ = 0;
  std::unique_ptr<CatalogService> catalog_;
};

TEST_P(LabelsTest, OneLabelPerSerialEachWithItsOwnDigitalLink) {
  LotLabelRequest r = Request(approved_lot_);
  r.layout.columns = 2;
  r.layout.rows = 3;
  r.serials = SerialRange{"0098", 8};
  r.stem = "https://truyxuat.binhphuoc.gov.vn/";
  auto sheet = PrintLotLabels(*catalog_, Principal::Anonymous("127.0.0.1"), r);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->filename, "labels-" + std::to_string(approved_lot_) + ".pdf");
  EXPECT_EQ(sheet->labels, 8);
  EXPECT_EQ(sheet->pages, 2);

  std::set<std::string> expected;
  for (const char* serial : {"0098", "0099", "0100", "0101", "0102", "0103", "0104", "0105"}) {
    expected.insert("https://truyxuat.binhphuoc.gov.vn/01/08930001000018/10/LOT1/21/" +
                    std::string(serial));
  }
  auto pages = label::testing::DecodeQrCodesPerPage(sheet->pdf);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  ASSERT_EQ(pages->size(), 2u);
  EXPECT_EQ(pages->at(0).size(), 6u);
  EXPECT_EQ(pages->at(1).size(), 2u);
  std::multiset<std::string> decoded;
  for (const auto& page : *pages) decoded.insert(page.begin(), page.end());
  EXPECT_EQ(decoded, std::multiset<std::string>(expected.begin(), expected.end()));

  auto text = label::testing::PdfText(sheet->pdf);
  ASSERT_TRUE(text.ok());
  // The trace code wraps before an AI: joined again, it is whole.
  std::string joined = *text;
  std::erase(joined, '\n');
  EXPECT_NE(joined.find("(01)08930001000018(10)LOT1(21)0105"), std::string::npos) << *text;
  EXPECT_NE(text->find("Lô: LOT1"), std::string::npos);
  EXPECT_NE(text->find("HSD: 28/02/2027"), std::string::npos);
}

TEST_P(LabelsTest, WithoutSerialsOneFullPageOfTheLotLabel) {
  auto labels = BuildLotLabels(*catalog_, Principal::Anonymous("x"), Request(approved_lot_));
  ASSERT_TRUE(labels.ok()) << labels.status().ToString();
  ASSERT_EQ(labels->size(), 24u);  // 3 × 8
  const label::Label& l = labels->front();
  EXPECT_EQ(l.digital_link, "https://id.gs1.org/01/08930001000018/10/LOT1");
  EXPECT_EQ(l.trace_code, "(01)08930001000018(10)LOT1");
  EXPECT_EQ(l.product_name, "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt");
  EXPECT_EQ(l.producer_name, "Hợp tác xã Điều Bù Đăng");
  EXPECT_EQ(l.production_date, "2026-03-01");
  EXPECT_EQ(l.serial, "");

  LotLabelRequest copies = Request(approved_lot_);
  copies.copies = 5;
  copies.captions.language = label::LabelLanguage::kEnglish;
  auto five = BuildLotLabels(*catalog_, Principal::Anonymous("x"), copies);
  ASSERT_TRUE(five.ok());
  EXPECT_EQ(five->size(), 5u);
  EXPECT_EQ(five->front().product_name, "Roasted salted cashews");
}

TEST_P(LabelsTest, OnlyThoseWhoMayReadTheLotPrintIt) {
  // The draft lot: its own producers yes; another organisation and the public: not found.
  EXPECT_TRUE(BuildLotLabels(*catalog_, Producer(org_a_), Request(draft_lot_)).ok());
  const std::string not_found = "not_found: lot " + std::to_string(draft_lot_) + " not found";
  EXPECT_EQ(Error(Producer(org_b_), Request(draft_lot_)), not_found);
  EXPECT_EQ(Error(Principal::Anonymous("x"), Request(draft_lot_)), not_found);
  EXPECT_EQ(Error(Producer(org_a_), Request(999999)), "not_found: lot 999999 not found");
}

TEST_P(LabelsTest, BadRequestsArePreciseErrors) {
  const Principal a = Producer(org_a_);
  LotLabelRequest r = Request(approved_lot_);
  r.layout.columns = 0;
  EXPECT_EQ(Error(a, r), "invalid_argument: columns must be from 1 to 6, got 0 [columns]");

  r = Request(approved_lot_);
  r.copies = 2001;
  EXPECT_EQ(Error(a, r),
            "invalid_argument: at most 2000 labels can be printed at once, not 2001; print the "
            "copies in several runs [copies]");
  r.copies = 0;
  EXPECT_EQ(Error(a, r), "invalid_argument: copies must be at least 1, got 0 [copies]");

  r = Request(approved_lot_);
  r.copies = 2;
  r.serials = SerialRange{"1", 2};
  EXPECT_EQ(Error(a, r),
            "invalid_argument: give either serials (one label each) or copies of the lot's label, "
            "not both [copies]");

  r = Request(approved_lot_);
  r.serials = SerialRange{"X", 2};
  EXPECT_EQ(Error(a, r),
            "invalid_argument: the first serial 'X' must end in a digit: the digits at its end are "
            "counted up, one serial per label [serialFrom]");

  r = Request(approved_lot_);
  r.stem = "ftp://example.vn";
  EXPECT_EQ(
      Error(a, r),
      "invalid_argument: the Digital Link stem must be an http:// or https:// address without "
      "query or fragment, such as https://trace.example.vn, not 'ftp://example.vn' [stem]");

  // A bad request is refused before the lot is looked up: no existence leaks.
  r = Request(999999);
  r.layout.rows = 99;
  EXPECT_EQ(Error(a, r), "invalid_argument: rows must be from 1 to 20, got 99 [rows]");
}

TXNG_INSTANTIATE_BACKENDS(LabelsTest);

}  // namespace
}  // namespace txng
