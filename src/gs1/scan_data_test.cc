#include "gs1/scan_data.h"

#include <gtest/gtest.h>

namespace txng::gs1 {
namespace {

TEST(ScanDataTest, Gs1DataMatrixBecomesAnElementString) {
  auto scan = ProcessScanData(
      "]d2010893123456789710LOT7\x1D"
      "17261231",
      ElementStringOptions());
  ASSERT_TRUE(scan.ok()) << scan.status().message();
  EXPECT_EQ(scan->symbology, "DM");
  EXPECT_EQ(scan->data, "^010893123456789710LOT7^17261231");
}

TEST(ScanDataTest, QrDigitalLinkMustBeValid) {
  EXPECT_TRUE(ProcessScanData("]Q1https://a/01/08931234567897", ElementStringOptions()).ok());
  EXPECT_FALSE(ProcessScanData("]Q1https://a/01/08931234567890", ElementStringOptions()).ok());
}

TEST(ScanDataTest, EanWithComposite) {
  auto scan = ProcessScanData("]E08931234567897|]e099ABC", ElementStringOptions());
  ASSERT_TRUE(scan.ok()) << scan.status().message();
  EXPECT_EQ(scan->data, "8931234567897|^99ABC");
  EXPECT_FALSE(ProcessScanData("]E08931234567890", ElementStringOptions()).ok());
  EXPECT_FALSE(ProcessScanData("]XX123", ElementStringOptions()).ok());
}

TEST(ScanDataTest, GeneratesWhatScannersRead) {
  ElementStringOptions options;
  EXPECT_EQ(*GenerateScanData("^010893123456789710LOT7^17261231", "DM", false, options),
            "]d2010893123456789710LOT7\x1D"
            "17261231");
  EXPECT_EQ(*GenerateScanData("^010893123456789710LOT7", "GS1_128_CCA", false, options),
            "]C1010893123456789710LOT7");
  EXPECT_EQ(*GenerateScanData("893123456789", "EAN13", true, options), "]E08931234567897");
  EXPECT_EQ(*GenerateScanData("https://a/01/08931234567897", "QR", false, options),
            "]Q1https://a/01/08931234567897");
  EXPECT_FALSE(GenerateScanData("8931234567890", "EAN13", false, options).ok());
}

}  // namespace
}  // namespace txng::gs1
