// Label sheets read back as a customer and an inspector would: every QR
// code on every page decoded from a 200 dpi rendering, the text extracted.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "label/label.h"
#include "label/pdf_probe_testing.h"

namespace txng::label {
namespace {

constexpr const char* kLongName = "Hạt điều rang muối vỏ lụa Bình Phước loại đặc biệt";

LabelCaptions Vietnamese() {
  LabelCaptions c;
  c.language = LabelLanguage::kVietnamese;
  c.lot = "Lô";
  c.production_date = "NSX";
  c.expiry_date = "HSD";
  c.serial = "Số sê-ri";
  return c;
}

LabelCaptions English() {
  LabelCaptions c;
  c.language = LabelLanguage::kEnglish;
  c.lot = "Lot";
  c.production_date = "Prod.";
  c.expiry_date = "Exp.";
  c.serial = "Serial";
  return c;
}

Label Make(const std::string& name, const std::string& gtin, const std::string& lot,
           const std::string& serial = "") {
  Label l;
  l.product_name = name;
  l.producer_name = "Hợp tác xã Điều Bù Đăng";
  l.lot_code = lot;
  l.production_date = "2026-03-01";
  l.expiry_date = "2027-02-28";
  l.serial = serial;
  l.digital_link = "https://id.gs1.org/01/" + gtin + "/10/" + lot;
  l.trace_code = "(01)" + gtin + "(10)" + lot;
  if (!serial.empty()) {
    l.digital_link += "/21/" + serial;
    l.trace_code += "(21)" + serial;
  }
  return l;
}

// Whitespace (line ends of wrapped text) collapsed to single spaces.
std::string Collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

TEST(LabelSheet, EveryQrCodeOnEveryPageDecodesToItsDigitalLink) {
  std::vector<Label> labels;
  labels.push_back(Make(kLongName, "08930001000018", "LOT1"));
  labels.push_back(Make("Mật ong hoa cà phê", "08930001000025", "MO-2026-03"));
  for (int i = 1; i <= 12; ++i) {
    labels.push_back(
        Make("Hồ tiêu đen Lộc Ninh", "08930002000017", "HT26", "SN" + std::to_string(i)));
  }
  SheetLayout layout;
  layout.columns = 3;
  layout.rows = 4;  // 12 a page: 14 labels need two pages
  auto pdf = RenderLabelSheetPdf(labels, layout, Vietnamese());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");

  auto pages = testing::DecodeQrCodesPerPage(*pdf);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  ASSERT_EQ(pages->size(), 2u);
  EXPECT_EQ(pages->at(0).size(), 12u);
  EXPECT_EQ(pages->at(1).size(), 2u);
  std::multiset<std::string> decoded, expected;
  for (const auto& page : *pages) decoded.insert(page.begin(), page.end());
  for (const Label& l : labels) expected.insert(l.digital_link);
  EXPECT_EQ(decoded, expected);
  // The last page holds the last labels.
  EXPECT_EQ(std::multiset<std::string>(pages->at(1).begin(), pages->at(1).end()),
            (std::multiset<std::string>{labels[12].digital_link, labels[13].digital_link}));

  auto text = testing::PdfText(*pdf);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const std::string flat = Collapse(*text);
  EXPECT_NE(flat.find(kLongName), std::string::npos) << flat;
  EXPECT_NE(flat.find("Hợp tác xã Điều Bù Đăng"), std::string::npos);
  EXPECT_NE(flat.find("Lô: LOT1"), std::string::npos);
  EXPECT_NE(flat.find("NSX: 01/03/2026"), std::string::npos);
  EXPECT_NE(flat.find("HSD: 28/02/2027"), std::string::npos);
  EXPECT_NE(flat.find("Số sê-ri: SN12"), std::string::npos);
  EXPECT_NE(flat.find("(01)08930002000017(10)HT26(21)SN7"), std::string::npos) << flat;
}

TEST(LabelSheet, EnglishCaptionsAndIsoDates) {
  auto pdf = RenderLabelSheetPdf({Make("Roasted cashews", "08930001000018", "LOT1", "7")},
                                 SheetLayout(), English());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  auto text = testing::PdfText(*pdf);
  ASSERT_TRUE(text.ok());
  const std::string flat = Collapse(*text);
  for (const char* want :
       {"Roasted cashews", "Lot: LOT1", "Prod.: 2026-03-01", "Exp.: 2027-02-28", "Serial: 7"}) {
    EXPECT_NE(flat.find(want), std::string::npos) << want << " in " << flat;
  }
  auto pages = testing::DecodeQrCodesPerPage(*pdf);
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ(pages->at(0),
            std::vector<std::string>{"https://id.gs1.org/01/08930001000018/10/LOT1/21/7"});
}

TEST(LabelSheet, DensestGridStillScans) {
  SheetLayout layout;
  layout.columns = 4;
  layout.rows = 10;
  std::vector<Label> labels;
  for (int i = 1; i <= 40; ++i) {
    labels.push_back(
        Make(kLongName, "08930001000018", "LOT-2026-0001", std::to_string(100000 + i)));
  }
  auto pdf = RenderLabelSheetPdf(labels, layout, Vietnamese());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  auto pages = testing::DecodeQrCodesPerPage(*pdf);
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  std::multiset<std::string> expected;
  for (const Label& l : labels) expected.insert(l.digital_link);
  EXPECT_EQ(std::multiset<std::string>(pages->at(0).begin(), pages->at(0).end()), expected);
}

TEST(LabelSheet, DatesOnLabels) {
  EXPECT_EQ(FormatLabelDate(LabelLanguage::kVietnamese, "2026-03-01"), "01/03/2026");
  EXPECT_EQ(FormatLabelDate(LabelLanguage::kEnglish, "2026-03-01"), "2026-03-01");
  EXPECT_EQ(FormatLabelDate(LabelLanguage::kVietnamese, ""), "");
  EXPECT_EQ(FormatLabelDate(LabelLanguage::kVietnamese, "1/3/2026"), "1/3/2026");
}

TEST(LabelSheet, BadInputIsRefusedWithAPreciseMessage) {
  const Label ok = Make("Mật ong", "08930001000025", "L1");
  EXPECT_EQ(RenderLabelSheetPdf({}, SheetLayout(), Vietnamese()).status().message(),
            "there are no labels to print");
  EXPECT_EQ(RenderLabelSheetPdf(std::vector<Label>(2001, ok), SheetLayout(), Vietnamese())
                .status()
                .message(),
            "at most 2000 labels can be printed at once, not 2001; print them in several runs");
  SheetLayout wide;
  wide.columns = 9;
  auto bad_layout = RenderLabelSheetPdf({ok}, wide, Vietnamese());
  EXPECT_EQ(bad_layout.status().message(), "columns must be from 1 to 6, got 9");
  EXPECT_EQ(bad_layout.status().field(), "columns");

  Label no_link = ok;
  no_link.digital_link.clear();
  EXPECT_EQ(RenderLabelSheetPdf({ok, no_link}, SheetLayout(), Vietnamese()).status().message(),
            "label 2 (lot L1): it has no Digital Link");

  // A stem so long that the QR code's modules would be too small to scan.
  Label long_link = ok;
  long_link.digital_link = "https://" + std::string(400, 'a') + ".example/01/08930001000025/10/L1";
  SheetLayout dense;
  dense.columns = 4;
  dense.rows = 10;
  auto r = RenderLabelSheetPdf({long_link}, dense, Vietnamese());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().substr(0, 62),
            "label 1 (lot L1): its Digital Link (440 characters) needs a QR");
  EXPECT_NE(r.status().message().find("below the 0.40 mm that scans"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace txng::label
