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

// Found by fuzz/scan_data_fuzz: QR data that is an invalid Digital Link was
// generated, and the scanner output could not be processed back.
TEST(ScanDataTest, GeneratedUriMustBeAValidDigitalLink) {
  ElementStringOptions options;
  EXPECT_FALSE(GenerateScanData("https://a/01/08931234567890", "QR", false, options).ok());
  EXPECT_FALSE(GenerateScanData("https://a/01/]Q1x\x7F", "DM", false, options).ok());
  EXPECT_EQ(*GenerateScanData("ftp://a/01/08931234567890", "QR", false, options),
            "]Q1ftp://a/01/08931234567890");
}

// Found by fuzz/scan_data_fuzz: generation read "\\" as an escaped '\', but
// processing writes a '\' as it is, so a scanned "^\\" came back as "^\".
TEST(ScanDataTest, GenerationUndoesProcessingOfPlainData) {
  ElementStringOptions options;
  auto scan = ProcessScanData("]Q1A^\\\\B\\^C", options);
  ASSERT_TRUE(scan.ok()) << scan.status().message();
  EXPECT_EQ(scan->data, "A\\^\\\\B\\\\^C");
  EXPECT_EQ(*GenerateScanData(scan->data, "QR", false, options), "]Q1A^\\\\B\\^C");
}

// Found by fuzz/scan_data_fuzz: the components of a composite symbol were
// validated apart, so AI (99) with two values made scanner output that does
// not process.
TEST(ScanDataTest, CompositeComponentsAreValidatedTogether) {
  ElementStringOptions options;
  EXPECT_FALSE(
      GenerateScanData("^0112312312312333^99A|^99B", "DataBarExpanded", false, options).ok());
  EXPECT_FALSE(GenerateScanData("^0112312312312333|^99A^99B", "DataBarOmni", false, options).ok());
  auto split = GenerateScanData("^99A|^0112312312312333", "GS1_128_CCA", false, options);
  ASSERT_TRUE(split.ok()) << split.status().message();
  EXPECT_EQ(*split,
            "]e099A\x1D"
            "0112312312312333");
}

}  // namespace
}  // namespace txng::gs1
